package dev.flagstaff.auth.boundary;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Flipt's browser-session cookies and the CSRF token that goes with a session.
 * <p>
 * {@code flipt_client_token} holds the client token ({@code HttpOnly; SameSite=Strict; Path=/}, {@code Secure}
 * over HTTPS); {@code flipt_client_state} the OIDC login's state. The CSRF token is what Flipt's UI sends back as
 * {@code X-CSRF-Token} on writes: Flipt (up to its gorilla/csrf middleware) handed it out in the
 * {@code X-CSRF-Token} response header, its UI keeps the last one and sends it with every request. Flagstaff's is
 * derived from the session's client token (SHA-256 of a fixed label and the token, base64url), so every instance
 * on the same database knows it without shared state, and a page of another site, which can neither read the
 * HttpOnly cookie nor Flagstaff's responses, cannot know it.
 */
public final class SessionCookies {

    public static final String TOKEN = "flipt_client_token";
    public static final String STATE = "flipt_client_state";
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private SessionCookies() {
    }

    /** The session cookie for {@code clientToken}; {@code maxAgeSeconds} negative for a browser-session cookie. */
    public static String session(String clientToken, long maxAgeSeconds, boolean secure) {
        StringBuilder cookie = new StringBuilder(TOKEN).append('=').append(clientToken)
                .append("; Path=/; HttpOnly; SameSite=Strict");
        if (maxAgeSeconds >= 0) {
            cookie.append("; Max-Age=").append(maxAgeSeconds);
        }
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    /** The CSRF token of the session whose cookie holds {@code clientToken}. */
    public static String csrfToken(String clientToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("flagstaff-csrf\0".getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(sha.digest(clientToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code X-Forwarded-Prefix} as one path prefix ({@code /flags}), as Flipt joins it into its OIDC paths and the
     * callback's redirect; empty without the header. Only plain path segments are taken.
     */
    public static String forwardedPrefix(java.util.List<String> headerValues) {
        StringBuilder out = new StringBuilder();
        if (headerValues != null) {
            for (String value : headerValues) {
                for (String segment : value.split("/")) {
                    if (!segment.isBlank() && segment.chars()
                            .allMatch(c -> Character.isLetterOrDigit(c) || "-_.~".indexOf(c) >= 0)) {
                        out.append('/').append(segment);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Constant-time comparison of the header a request sent with its session's CSRF token. */
    static boolean csrfMatches(String header, String clientToken) {
        if (header == null || header.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                csrfToken(clientToken).getBytes(StandardCharsets.UTF_8));
    }
}
