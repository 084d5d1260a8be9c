package dev.flagstaff.auth.boundary;

import dev.flagstaff.evaluation.boundary.OfrepErrorResponse;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * OFREP's error body for refusals on {@code /ofrep} (contract 7): {@code {"key","errorCode":"GENERAL",
 * "errorDetails"}}, {@code key} only on the single-flag route, and no {@code WWW-Authenticate} header.
 */
final class OfrepError {

    private static final String SINGLE = "ofrep/v1/evaluate/flags/";

    private OfrepError() {
    }

    /** {@code path} relative to the application, still percent-encoded, with or without its leading slash. */
    static boolean applies(String path) {
        return strip(path).startsWith("ofrep/");
    }

    /** The refusal's body: {@code key} of the single-flag route, {@code errorCode} GENERAL. */
    static OfrepErrorResponse body(String path, String details) {
        return new OfrepErrorResponse(key(path), "GENERAL", details);
    }

    /** The flag key of the single-flag route, null elsewhere. */
    private static String key(String path) {
        String p = strip(path);
        if (p.startsWith(SINGLE) && p.length() > SINGLE.length() && p.indexOf('/', SINGLE.length()) < 0) {
            String encoded = p.substring(SINGLE.length());
            try {
                return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) { // a stray '%': the key as it came
                return encoded;
            }
        }
        return null;
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
