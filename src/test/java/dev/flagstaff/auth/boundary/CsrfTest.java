package dev.flagstaff.auth.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The CSRF rules of cookie sessions ({@link AuthenticationFilter#csrf}) and the helpers of {@link SessionCookies}. */
class CsrfTest {

    private static final String TOKEN = "session-token";
    private static final String CSRF = SessionCookies.csrfToken(TOKEN);

    /** A request with only a method and headers, which is all the check reads. */
    private static HttpServletRequest request(String method, Map<String, String> headers) {
        return (HttpServletRequest) Proxy.newProxyInstance(CsrfTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getHeader" -> headers.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @Test
    void readsAreNeverChecked() {
        for (String method : List.of("GET", "HEAD", "OPTIONS")) {
            assertEquals(Optional.empty(), AuthenticationFilter.csrf(request(method,
                    Map.of("Sec-Fetch-Site", "cross-site")), TOKEN));
        }
    }

    @Test
    void aWriteNeedsTheSessionsTokenFromTheSameOrigin() {
        assertEquals(Optional.empty(), AuthenticationFilter.csrf(request("POST",
                Map.of("X-CSRF-Token", CSRF, "Sec-Fetch-Site", "same-origin")), TOKEN));
        assertEquals(Optional.empty(), AuthenticationFilter.csrf(request("DELETE",
                Map.of("X-CSRF-Token", CSRF, "Origin", "http://flags.example:8080", "Host", "flags.example:8080")), TOKEN));
        assertEquals(Optional.empty(), AuthenticationFilter.csrf(request("PUT", Map.of("X-CSRF-Token", CSRF)), TOKEN),
                "no browser headers at all (a script with the cookie): the token decides");
        assertEquals(Optional.of("the session's X-CSRF-Token header is missing or does not match"),
                AuthenticationFilter.csrf(request("POST", Map.of("Sec-Fetch-Site", "same-origin")), TOKEN));
        assertEquals(Optional.of("the session's X-CSRF-Token header is missing or does not match"),
                AuthenticationFilter.csrf(request("POST", Map.of("X-CSRF-Token", SessionCookies.csrfToken("other"))), TOKEN));
        assertEquals(Optional.of("cross-origin request refused (Sec-Fetch-Site: same-site)"),
                AuthenticationFilter.csrf(request("PATCH", Map.of("X-CSRF-Token", CSRF, "Sec-Fetch-Site", "same-site")), TOKEN));
        assertEquals(Optional.of("cross-origin request refused (Origin does not match Host)"),
                AuthenticationFilter.csrf(request("POST", Map.of("X-CSRF-Token", CSRF, "Origin", "https://evil.example",
                        "Host", "flags.example")), TOKEN));
        assertEquals(Optional.of("cross-origin request refused (Origin: null)"),
                AuthenticationFilter.csrf(request("POST", Map.of("X-CSRF-Token", CSRF, "Origin", "null",
                        "Host", "flags.example")), TOKEN));
    }

    @Test
    void theCrossOriginCheckAloneGuardsTheLoginRoute() {
        assertEquals(Optional.empty(), AuthenticationFilter.crossOrigin(request("POST", Map.of())), "not a browser");
        assertEquals(Optional.empty(), AuthenticationFilter.crossOrigin(request("POST",
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", "http://whatever"))), "Sec-Fetch-Site decides");
        assertEquals(Optional.of("cross-origin request refused (Sec-Fetch-Site: cross-site)"),
                AuthenticationFilter.crossOrigin(request("POST", Map.of("Sec-Fetch-Site", "cross-site"))));
    }

    @Test
    void theTokenIsPerSessionAndUrlSafe() {
        assertNotEquals(SessionCookies.csrfToken("a"), SessionCookies.csrfToken("b"));
        assertEquals(43, CSRF.length());
        assertEquals(true, CSRF.matches("[A-Za-z0-9_-]+"));
    }

    @Test
    void forwardedPrefixesAreJoinedAsFliptDoes() {
        assertEquals("", SessionCookies.forwardedPrefix(null));
        assertEquals("/flags", SessionCookies.forwardedPrefix(List.of("/flags/")));
        assertEquals("/a/b", SessionCookies.forwardedPrefix(List.of("a", "/b")));
        assertEquals("/ok", SessionCookies.forwardedPrefix(List.of("/ok/<script>")), "only plain segments");
    }

    @Test
    void theSessionCookie() {
        assertEquals("flipt_client_token=t; Path=/; HttpOnly; SameSite=Strict; Max-Age=60; Secure",
                SessionCookies.session("t", 60, true));
        assertEquals("flipt_client_token=t; Path=/; HttpOnly; SameSite=Strict", SessionCookies.session("t", -1, false));
    }
}
