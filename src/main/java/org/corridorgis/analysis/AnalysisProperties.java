package org.corridorgis.analysis;

import org.corridorgis.web.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the analyses ({@code corridor.analysis.*}).
 *
 * @param maxRoutes the most routes one comparison takes (each adds its segments, crossings and checks)
 */
@ConfigurationProperties("corridor.analysis")
public record AnalysisProperties(int maxRoutes) {
    public AnalysisProperties {
        Settings.requirePositive("corridor.analysis.max-routes", maxRoutes);
    }
}
