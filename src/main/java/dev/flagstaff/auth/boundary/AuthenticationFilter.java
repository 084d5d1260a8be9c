package dev.flagstaff.auth.boundary;

import dev.flagstaff.http.Code;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.http.Messages;
import dev.flagstaff.auth.control.AuthSettings;
import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.auth.control.Tokens;
import dev.flagstaff.http.NamespaceScope;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is calling (contract 8.2), for every request to the WAR, JAX-RS or not. Runs after the container's
 * own authentication, so a JWT of the configured IdP arrives here already verified by MicroProfile JWT
 * (signature, issuer, expiry) as the request's {@link JsonWebToken} principal. Any other bearer value, and
 * the {@code flipt_client_token} cookie when there is no Authorization header, must be a live client token
 * of the token method. A credential that is present but none of these is a 401 on every route, public ones
 * too, on every server. With {@code flagstaff.auth.required=false} no credential is looked at.
 * <p>
 * The caller is kept for the request's thread ({@link Caller#current()}, {@link NamespaceScope}) and always
 * cleared afterwards; what the caller may do is decided by {@link AccessFilter}.
 */
@WebFilter(filterName = "flagstaff-authentication", urlPatterns = "/*", asyncSupported = true)
public class AuthenticationFilter implements Filter { // Filter directly: Liberty ignores subclasses of HttpFilter

    static final String COOKIE = SessionCookies.TOKEN;
    static final String STATE_COOKIE = SessionCookies.STATE;
    /** The public browser-session route ({@link SessionResource}), which checks its credential itself. */
    private static final String SESSION = "/auth/v1/session";

    @Inject
    Tokens tokens;

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        AuthSettings settings = AuthSettings.current();
        Caller caller;
        if (!settings.required()) {
            caller = Caller.OPEN;
        } else if (credentialFree(request.getRequestURI().substring(request.getContextPath().length()))) {
            caller = Caller.ANONYMOUS;
        } else {
            Optional<Caller> resolved = resolve(request, settings);
            if (resolved.isEmpty()) {
                unauthenticated(request, response);
                return;
            }
            caller = resolved.get();
            Optional<String> cookie = request.getHeader("Authorization") == null && caller.authenticated()
                    ? clientTokenCookie(request) : Optional.empty();
            if (cookie.isPresent()) {
                Optional<String> refused = csrf(request, cookie.get());
                if (refused.isPresent()) {
                    forbidden(response, refused.get());
                    return;
                }
                response.setHeader(SessionCookies.CSRF_HEADER, SessionCookies.csrfToken(cookie.get()));
            }
        }
        Caller.set(caller);
        NamespaceScope.set(caller.namespace());
        try {
            chain.doFilter(request, response);
        } finally {
            Caller.set(null);
            NamespaceScope.set(null);
        }
    }

    /**
     * Cross-site request forgery protection for requests that the session cookie authenticates (a bearer
     * request is never checked): a state-changing method (anything but GET, HEAD, OPTIONS, TRACE) must
     * <ul>
     * <li>not come from another origin, the check Flipt v1.59.3 runs (Go's {@code http.CrossOriginProtection} in
     * {@code internal/cmd/http.go}): {@code Sec-Fetch-Site} must be {@code same-origin} or {@code none} when the
     * browser sends it, otherwise an {@code Origin} header must name this host;</li>
     * <li>and carry the session's {@code X-CSRF-Token} (see {@link SessionCookies}), which Flagstaff sends on every
     * response to the session and Flipt's UI and Flagstaff's console send back.</li>
     * </ul>
     * Empty when the request passes; otherwise why it is refused.
     */
    static Optional<String> csrf(HttpServletRequest request, String clientToken) {
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
            return Optional.empty();
        }
        Optional<String> crossOrigin = crossOrigin(request);
        if (crossOrigin.isPresent()) {
            return crossOrigin;
        }
        if (!SessionCookies.csrfMatches(request.getHeader(SessionCookies.CSRF_HEADER), clientToken)) {
            return Optional.of("the session's " + SessionCookies.CSRF_HEADER + " header is missing or does not match");
        }
        return Optional.empty();
    }

    /**
     * Flipt v1.59.3's cross-origin check (Go's {@code http.CrossOriginProtection}): a browser's
     * {@code Sec-Fetch-Site} must be {@code same-origin} or {@code none}; without it an {@code Origin} must name
     * this host; a request with neither (not from a browser) passes. Empty when it passes.
     */
    static Optional<String> crossOrigin(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            return site.equals("same-origin") || site.equals("none") ? Optional.empty()
                    : Optional.of("cross-origin request refused (Sec-Fetch-Site: " + site + ")");
        }
        String origin = request.getHeader("Origin");
        if ("null".equals(origin)) {
            return Optional.of("cross-origin request refused (Origin: null)");
        }
        String host = request.getHeader("Host");
        if (origin != null && (host == null || !sameHost(origin, host))) {
            return Optional.of("cross-origin request refused (Origin does not match Host)");
        }
        return Optional.empty();
    }

    private static boolean sameHost(String origin, String host) {
        try {
            java.net.URI uri = java.net.URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** 403 {@code permission denied: <why>} in the contract's body. */
    private static void forbidden(HttpServletResponse response, String why) throws IOException {
        response.setStatus(403);
        response.setContentType("application/json");
        writeBody(response, Messages.text(new ErrorMapper.ErrorBody(Code.PERMISSION_DENIED.grpc(),
                "permission denied: " + why)));
    }

    /**
     * The web console's static files and its session route ({@link SessionResource}, which checks the cookie
     * itself), and the login routes of the OIDC and Kubernetes methods (public in Flipt too): no credential is
     * looked at there, so a stale session cookie never keeps a browser from loading the login page or logging in
     * again.
     */
    private static boolean credentialFree(String path) {
        return path.equals("/") || path.equals(SESSION) || path.startsWith("/console/") || path.startsWith("/webjars/")
                || path.startsWith("/auth/v1/method/oidc/") || path.equals("/auth/v1/method/kubernetes/serviceaccount");
    }

    /** The caller, {@link Caller#ANONYMOUS} without a credential, empty for a credential that is not valid. */
    private Optional<Caller> resolve(HttpServletRequest request, AuthSettings settings) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.startsWith("Bearer ") || authorization.length() == "Bearer ".length()) {
                return Optional.empty();
            }
            String credential = authorization.substring("Bearer ".length());
            Principal principal = request.getUserPrincipal();
            if (principal instanceof JsonWebToken jwt && credential.equals(jwt.getRawToken())) {
                return Optional.of(jwtCaller(jwt, settings));
            }
            return tokens.authenticate(credential).map(Caller::token);
        }
        Optional<String> cookie = clientTokenCookie(request);
        if (cookie.isPresent()) {
            return tokens.authenticate(cookie.get()).map(Caller::token);
        }
        return Optional.of(Caller.ANONYMOUS);
    }

    private static Caller jwtCaller(JsonWebToken jwt, AuthSettings settings) {
        List<String> groups = jwt.getGroups() == null ? List.of() : new ArrayList<>(jwt.getGroups());
        groups.sort(null);
        Caller.JwtIdentity identity = new Caller.JwtIdentity(jwt.getIssuer(), jwt.getSubject(),
                claim(jwt, "name"), claim(jwt, "email"), List.copyOf(groups));
        return Caller.jwt(identity, settings.roleOf(groups));
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonString s) {
            return s.getString();
        }
        return value == null ? null : value.toString();
    }

    /** Flipt's 401 (contract 8.2), with the session cookies expired on {@code /auth/v1} routes. */
    static void unauthenticated(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String message = "request was not authenticated";
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setStatus(401);
        response.setContentType("application/json");
        if (OfrepError.applies(path)) {
            writeBody(response, Messages.text(OfrepError.body(path, message)));
            return;
        }
        response.setHeader("WWW-Authenticate", message);
        if (path.startsWith("/auth/v1") && clientTokenCookie(request).isPresent()) {
            response.addHeader("Set-Cookie", COOKIE + "=; Path=/; Max-Age=0");
            response.addHeader("Set-Cookie", STATE_COOKIE + "=; Path=/; Max-Age=0");
        }
        writeBody(response, Messages.text(new ErrorMapper.ErrorBody(Code.UNAUTHENTICATED.grpc(), message)));
    }

    private static void writeBody(HttpServletResponse response, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The {@code flipt_client_token} cookie's value (Flipt's browser session), if the request has one. */
    static Optional<String> clientTokenCookie(HttpServletRequest request) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
