package org.corridorgis.security;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller may do. Each role includes the ones before it: a reviewer may also edit, an admin may also
 * review and manages the API tokens.
 */
public enum Role {
    /** proposes changes and creates scenarios of their own */
    EDITOR,
    /** accepts or rejects proposals, and writes to the official layers */
    REVIEWER,
    /** manages the API tokens */
    ADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return ordinal() >= other.ordinal();
    }

    public static Optional<Role> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (Role r : values()) {
            if (r.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
