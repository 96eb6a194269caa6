package org.corridorgis.features;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The latest known {@code numberMatched} per collection and conditions, with the data version it was counted
 * at. It only saves work: the page statement compares that version with the one it reads and counts again
 * when they differ, so an answer never depends on what this process happens to remember, and every instance
 * gives the same one. Small and bounded: the least recently used conditions are forgotten first.
 */
@Component
class MatchedCounts {

    static final int CAPACITY = 1024;

    /** A count of the matching rows, made at a data version; above the budget it stands for "more than that". */
    record Known(long version, long matched) {
    }

    private final Map<String, Known> byConditions = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
            return size() > CAPACITY;
        }
    };

    synchronized Known get(String conditions) {
        return byConditions.get(conditions);
    }

    /** Keeps the count unless one at a later version is known already. */
    synchronized void put(String conditions, Known count) {
        byConditions.merge(conditions, count, (old, now) -> now.version() >= old.version() ? now : old);
    }

    synchronized int size() {
        return byConditions.size();
    }
}
