package org.corridorgis.catalog;

/**
 * How the features of a collection meet a scenario's assignments, as the catalogue records it
 * ({@code corridor.collection.regimes}); a collection without one carries no control regime.
 */
public enum RegimeCarrier {

    /** A route: the assignments of its segments (part {@code segments}, target = the route). */
    ROUTE("route"),
    /** A route segment: the assignment for its route and country. */
    ROUTE_SEGMENT("route-segment"),
    /** A checkpoint: its own assignment (part {@code checkpoints}). */
    CHECKPOINT("checkpoint");

    private final String code;

    RegimeCarrier(String code) {
        this.code = code;
    }

    /** The catalogue's code, or null for none. */
    public static RegimeCarrier of(String code) {
        if (code == null) {
            return null;
        }
        for (RegimeCarrier c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown regime carrier '" + code + "' in corridor.collection");
    }

    /**
     * Whether a feature page lists the feature's regime under each scenario (and so takes {@code scenario=}): whole
     * routes and checkpoints do; a segment's regime is listed in its route's.
     */
    public boolean onFeaturePages() {
        return this != ROUTE_SEGMENT;
    }
}
