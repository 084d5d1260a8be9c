package dev.flagstaff.http;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Collection;

/**
 * The limits on what a request may carry, read once from MicroProfile Config (system property or environment
 * variable, e.g. {@code FLAGSTAFF_HTTP_MAX_BODY_BYTES}). Each one refuses a request with a 4xx in the contract's
 * error shape and a message that names what was too big; none of them is ever a 5xx.
 *
 * @param maxBodyBytes     the largest request body, counted while it is read ({@link RequestLimitsFilter})
 * @param maxJsonDepth     how deeply arrays and objects may nest in a request body or in JSON text inside it
 * @param maxStringLength  the longest string in a request message (variant attachments have Flipt's own
 *                         1000 KB limit instead, {@link JsonText})
 * @param maxBatchItems    the most evaluations in one batch request
 * @param maxOneOfItems    the most values of an {@code isoneof}/{@code isnotoneof} constraint (Flipt: 100)
 */
public record Limits(long maxBodyBytes, int maxJsonDepth, int maxStringLength, int maxBatchItems, int maxOneOfItems) {

    public static final String MAX_BODY_BYTES = "flagstaff.http.max-body-bytes";
    public static final String MAX_JSON_DEPTH = "flagstaff.http.max-json-depth";
    public static final String MAX_STRING_LENGTH = "flagstaff.http.max-string-length";
    public static final String MAX_BATCH_ITEMS = "flagstaff.evaluation.max-batch-items";
    public static final String MAX_ONE_OF_ITEMS = "flagstaff.segments.max-one-of-items";

    /** The defaults: 1 MiB bodies, 100 levels, 64 Ki characters, 1000 evaluations a batch, Flipt's 100 values. */
    public static final Limits DEFAULTS = new Limits(1_048_576, 100, 65_536, 1000, 100);

    private static volatile Limits current;

    public Limits {
        if (maxBodyBytes < 1 || maxJsonDepth < 1 || maxStringLength < 1 || maxBatchItems < 1 || maxOneOfItems < 1) {
            throw new IllegalArgumentException("every flagstaff limit must be at least 1");
        }
    }

    /** The limits this server runs with (the defaults where nothing is configured, or outside a server). */
    public static Limits current() {
        Limits limits = current;
        if (limits == null) {
            Config config;
            try {
                config = ConfigProvider.getConfig();
            } catch (RuntimeException | LinkageError e) {
                config = null; // plain unit tests: no MicroProfile Config implementation
            }
            limits = config == null ? DEFAULTS : from(config);
            current = limits;
        }
        return limits;
    }

    public static Limits from(Config config) {
        return new Limits(
                config.getOptionalValue(MAX_BODY_BYTES, Long.class).orElse(DEFAULTS.maxBodyBytes),
                config.getOptionalValue(MAX_JSON_DEPTH, Integer.class).orElse(DEFAULTS.maxJsonDepth),
                config.getOptionalValue(MAX_STRING_LENGTH, Integer.class).orElse(DEFAULTS.maxStringLength),
                config.getOptionalValue(MAX_BATCH_ITEMS, Integer.class).orElse(DEFAULTS.maxBatchItems),
                config.getOptionalValue(MAX_ONE_OF_ITEMS, Integer.class).orElse(DEFAULTS.maxOneOfItems));
    }

    /** The 4xx for a body over {@link #maxBodyBytes}: gRPC's RESOURCE_EXHAUSTED, as Flipt's server answers one. */
    public ApiException bodyTooLarge() {
        return new ApiException(Code.RESOURCE_EXHAUSTED,
                "request body too large: more than " + maxBodyBytes + " bytes");
    }

    /** A batch of evaluations: at most {@link #maxBatchItems}. */
    public void checkBatch(Collection<?> requests) {
        if (requests != null && requests.size() > maxBatchItems) {
            throw ApiException.invalidField("requests", "must contain at most " + maxBatchItems + " items");
        }
    }

    /** A string field of a request message: at most {@code max} characters. */
    static void checkString(String field, String value, int max) {
        if (value.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
    }

    /**
     * Refuses JSON text nested deeper than {@link #maxJsonDepth}, before any parser sees it (a parser would
     * otherwise recurse, or fail with an error of its own). Counts {@code [} and {@code {} outside strings;
     * anything else about the text is the parser's business.
     *
     * @param what names the text in the message: {@code request body} or {@code invalid field attachment}
     */
    public void checkDepth(CharSequence text, String what) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > maxJsonDepth) {
                    throw tooDeep(what);
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }

    /** As {@link #checkDepth(CharSequence, String)}, on UTF-8 bytes (the structural characters are ASCII). */
    public void checkDepth(byte[] json, String what) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0, n = json.length; i < n; i++) {
            byte c = json[i];
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > maxJsonDepth) {
                    throw tooDeep(what);
                }
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
    }

    private ApiException tooDeep(String what) {
        return ApiException.invalid(what + ": JSON nested deeper than " + maxJsonDepth + " levels");
    }
}
