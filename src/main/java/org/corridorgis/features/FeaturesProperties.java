package org.corridorgis.features;

import java.time.Duration;

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
        defaultLimit = defaultLimit <= 0 ? 10 : defaultLimit;
        maxLimit = maxLimit <= 0 ? 10_000 : maxLimit;
        htmlMaxLimit = htmlMaxLimit <= 0 ? 1_000 : htmlMaxLimit;
        statementTimeout = statementTimeout == null ? Duration.ofSeconds(30) : statementTimeout;
        fetchSize = fetchSize <= 0 ? 1_000 : fetchSize;
        countBudget = countBudget <= 0 ? 10_000 : countBudget;
        requestBudget = requestBudget == null ? Duration.ofSeconds(5) : requestBudget;
        if (requestBudget.isNegative() || requestBudget.isZero()) {
            throw new IllegalArgumentException("corridor.features.request-budget must be positive, not " + requestBudget);
        }
    }
}
