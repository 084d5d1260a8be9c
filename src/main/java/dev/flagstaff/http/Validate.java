package dev.flagstaff.http;

import java.util.regex.Pattern;

/**
 * The field rules shared by every resource (contract section 5.1), with Flipt's messages. Checks run in the
 * order Flipt runs them, so the first broken rule is the one reported.
 */
public final class Validate {

    /** Keys of namespaces, flags and segments on create: comma allowed, no dot, slash or space. */
    private static final Pattern KEY = Pattern.compile("^[-_,A-Za-z0-9]+$");

    /** Keys and names are stored as VARCHAR(255), as in Flipt's own schema. */
    public static final int MAX_KEY_LENGTH = 255;

    private Validate() {
    }

    public static void notEmpty(String field, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.emptyField(field);
        }
    }

    /** A new namespace, flag or segment key: non-empty, then Flipt's key pattern. */
    public static void newKey(String key) {
        notEmpty("key", key);
        if (!KEY.matcher(key).matches()) {
            throw ApiException.invalidField("key", "contains invalid characters");
        }
    }

    public static void name(String name) {
        notEmpty("name", name);
    }

    /** At most {@code max} characters, for columns that hold no more (Flipt's own columns are VARCHAR(255)). */
    public static void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
    }
}
