package org.corridorgis.web;

import java.time.Duration;

/**
 * Checks of settings at start-up. Their defaults live in {@code application.yml}, the one place for them; a
 * setting that is missing or out of range stops the start with a message naming it, rather than a service that
 * runs with a zero page size or no timeout.
 */
public final class Settings {

    private Settings() {
    }

    public static <T> T require(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }

    public static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }

    public static void requirePositive(String name, Duration value) {
        if (require(name, value).isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
