package org.corridorgis.features;

import java.time.Duration;

import org.corridorgis.web.Settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the OGC API – Features endpoints.
 *
 * @param defaultLimit     items per page when the client sends no {@code limit}
 * @param maxLimit         the largest {@code limit} accepted
 * @param htmlMaxLimit     the largest page rendered as HTML (a page for people, not for copying)
 * @param statementTimeout how long one query may run before it is cancelled (503)
 * @param fetchSize        rows fetched per round trip from the database cursor
 * @param countBudget      the most matching rows counted for {@code numberMatched} when a request has conditions
 *                         (filter, bbox, datetime, property=value); with more, {@code numberMatched} is left out
 * @param requestBudget    how long a request's statement may run (a feature page is one statement): PostgreSQL
 *                         cancels it beyond that and the request gets a 503; the shorter of this and
 *                         {@code statementTimeout} is the statement timeout of every pooled connection
 */
@ConfigurationProperties("corridor.features")
public record FeaturesProperties(int defaultLimit, int maxLimit, int htmlMaxLimit, Duration statementTimeout, int fetchSize,
                                 long countBudget, Duration requestBudget) {

    public FeaturesProperties {
        // the defaults are in application.yml, the one place for them; here only what no setting may be
        Settings.requirePositive("corridor.features.default-limit", defaultLimit);
        Settings.requirePositive("corridor.features.max-limit", maxLimit);
        Settings.requirePositive("corridor.features.html-max-limit", htmlMaxLimit);
        Settings.requirePositive("corridor.features.statement-timeout", statementTimeout);
        Settings.requirePositive("corridor.features.fetch-size", fetchSize);
        Settings.requirePositive("corridor.features.count-budget", countBudget);
        Settings.requirePositive("corridor.features.request-budget", requestBudget);
    }
}
