package dev.flagstaff.http;

import jakarta.ws.rs.core.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A request's {@code If-Match} header (RFC 9110 section 13.1.1): absent, {@code *}, or a list of entity tags.
 * Several header lines make one list. Comparison is strong: a weak tag ({@code W/"…"}) is accepted in the
 * syntax but never matches. A header that is not of that syntax is a 400 {@code invalid If-Match header}.
 */
public final class IfMatch {

    public static final String HEADER = HttpHeaders.IF_MATCH;

    /** The {@code If-Match} request header in the OpenAPI document. */
    public static final String DESCRIPTION = "Optional (Flagstaff only). `*` or a list of strong ETags: the write "
            + "happens only if the resource exists and its current ETag is one of them, else 412. Weak tags never "
            + "match. Without it the write behaves as in Flipt.";

    /** No {@code If-Match}: every write goes ahead, as in Flipt. */
    public static final IfMatch ABSENT = new IfMatch(false, false, List.of());

    private final boolean present;
    private final boolean any;
    /** The strong tags, each with its quotes, e.g. {@code "abc"}. */
    private final List<String> strong;

    private IfMatch(boolean present, boolean any, List<String> strong) {
        this.present = present;
        this.any = any;
        this.strong = strong;
    }

    /** The request's {@code If-Match}, or {@link #ABSENT}; null headers (no request) are absent too. */
    public static IfMatch of(HttpHeaders headers) {
        return headers == null ? ABSENT : parse(headers.getRequestHeader(HEADER));
    }

    /** Parses the header's lines (null or empty: absent). */
    public static IfMatch parse(List<String> lines) {
        if (lines == null || lines.isEmpty()) {
            return ABSENT;
        }
        boolean any = false;
        boolean tags = false;
        List<String> strong = new ArrayList<>();
        for (String line : lines) {
            int i = 0;
            int n = line.length();
            boolean expectItem = true;
            while (i < n) {
                char c = line.charAt(i);
                if (c == ' ' || c == '\t') {
                    i++;
                } else if (c == ',') {
                    expectItem = true;
                    i++;
                } else if (!expectItem) {
                    throw invalid();
                } else if (c == '*') {
                    any = true;
                    expectItem = false;
                    i++;
                } else {
                    boolean weak = false;
                    if (c == 'W' && line.startsWith("W/", i)) {
                        weak = true;
                        i += 2;
                    }
                    if (i >= n || line.charAt(i) != '"') {
                        throw invalid();
                    }
                    int end = line.indexOf('"', i + 1);
                    if (end < 0) {
                        throw invalid();
                    }
                    for (int k = i + 1; k < end; k++) {
                        char e = line.charAt(k);
                        if (e < 0x21 || e == 0x7f) {
                            throw invalid();
                        }
                    }
                    if (!weak) {
                        strong.add(line.substring(i, end + 1));
                    }
                    tags = true;
                    expectItem = false;
                    i = end + 1;
                }
            }
        }
        if (any && tags || !any && !tags) {
            // "*" alone, or a non-empty list of tags (RFC 9110: If-Match = "*" / #entity-tag)
            throw invalid();
        }
        return new IfMatch(true, any, List.copyOf(strong));
    }

    public boolean present() {
        return present;
    }

    /**
     * Whether the condition holds for a resource whose current strong ETag is {@code current} (null: the resource
     * does not exist, for which no {@code If-Match} holds).
     */
    public boolean matches(String current) {
        if (!present) {
            return true;
        }
        if (current == null) {
            return false;
        }
        return any || strong.contains(current);
    }

    /** The condition on resources of type {@code T}, whose GET representation {@code representation} gives. */
    public <T> Precondition<T> on(Function<? super T, ? extends Record> representation) {
        return present ? new Precondition<>(this, representation) : Precondition.none();
    }

    private static ApiException invalid() {
        return ApiException.invalid("invalid If-Match header");
    }
}
