package org.corridorgis.scenario;

import org.corridorgis.web.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The scenario a request means when it names none (tiles, route comparisons, the viewer's first view): the observed
 * state unless the deployment says otherwise ({@code corridor.scenarios.default-id}, {@code CORRIDOR_DEFAULT_SCENARIO}).
 */
@ConfigurationProperties("corridor.scenarios")
public record ScenarioProperties(String defaultId) {

    public ScenarioProperties {
        // the default is in application.yml, the one place for it
        Settings.require("corridor.scenarios.default-id", defaultId == null || defaultId.isBlank() ? null : defaultId);
    }
}
