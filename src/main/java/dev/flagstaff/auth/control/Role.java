package dev.flagstaff.auth.control;

import dev.flagstaff.http.ApiException;

import java.util.Locale;

/**
 * Flagstaff's roles, each including the ones before it: {@code viewer} reads and evaluates, {@code editor}
 * also writes flags, segments, rules and rollouts, {@code admin} also manages namespaces and tokens.
 */
public enum Role {
    VIEWER, EDITOR, ADMIN;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }

    /** The role a token-creation request names; empty means {@code admin}, anything unknown is a 400. */
    public static Role parse(String text) {
        if (text == null || text.isEmpty()) {
            return ADMIN;
        }
        for (Role role : values()) {
            if (role.key().equals(text)) {
                return role;
            }
        }
        throw ApiException.invalidField("role", "must be one of viewer, editor, admin");
    }
}
