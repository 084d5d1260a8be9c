package dev.flagstaff.streaming.boundary;

import dev.flagstaff.auth.control.AccessPolicy;
import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Code;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.streaming.control.ClientSnapshot;
import dev.flagstaff.streaming.control.Streams;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flipt v2's client endpoints ({@code ClientEvaluationService} of Flipt v2.11's
 * {@code rpc/v2/evaluation/evaluationv2.proto}), for the client-side SDKs:
 * <ul>
 * <li>{@code GET /client/v2/environments/{environmentKey}/namespaces/{key}/snapshot}: the namespace's
 * {@link ClientSnapshot}, with its digest as {@code ETag} and 304 for a matching {@code If-None-Match}, as Flipt's
 * {@code internal/server/evaluation/client/server.go};</li>
 * <li>{@code GET …/stream[?digest=…]}: a server stream as grpc-gateway writes one over HTTP/1.1: status 200,
 * {@code Content-Type: application/json}, chunked, one line {@code {"result":<snapshot>}} per message. The
 * current snapshot comes at once unless {@code digest} is its digest, then one per committed change of the
 * namespace. A {@code digest} that is not 40 characters is refused, as Flipt does.</li>
 * </ul>
 * A servlet rather than a JAX-RS resource because a stream must not hold a thread: it is an {@link AsyncContext}
 * written without blocking ({@link StreamConnection}). Authentication is the one of every route (the
 * authentication filter runs before this), the access rule is {@link AccessPolicy}'s for the route, and the
 * namespace goes through {@link NamespaceKey} like every other, so a namespace-scoped token works here for its
 * namespace only. {@code environmentKey} must be {@code default}: Flagstaff has one environment.
 */
@WebServlet(name = "flagstaff-client-v2", urlPatterns = "/client/v2/*", asyncSupported = true)
public class ClientEvaluationServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ClientEvaluationServlet.class.getName());

    static final String SNAPSHOT_TEMPLATE = "/client/v2/environments/{environmentKey}/namespaces/{key}/snapshot";
    static final String STREAM_TEMPLATE = "/client/v2/environments/{environmentKey}/namespaces/{key}/stream";
    private static final Pattern ROUTE = Pattern.compile("^/environments/([^/]+)/namespaces/([^/]+)/(snapshot|stream)$");
    private static final String PREFIX = "/client/v2";
    private static final String ENVIRONMENT = "default";

    @Inject
    transient Streams streams;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            // the raw path: its segments are decoded once, here, as on every other route
            String path = request.getRequestURI().substring(request.getContextPath().length());
            Matcher route = ROUTE.matcher(path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : path);
            if (!route.matches()) {
                throw ApiException.notFound("Not Found");
            }
            boolean stream = "stream".equals(route.group(3));
            if (!"GET".equals(request.getMethod())) {
                throw new ApiException(Code.UNIMPLEMENTED, "Method Not Allowed");
            }
            authorize(stream ? STREAM_TEMPLATE : SNAPSHOT_TEMPLATE);
            String digest;
            try {
                digest = request.getParameter("digest");
            } catch (IllegalStateException | IllegalArgumentException e) {
                // the container could not decode the query (e.g. a charset it cannot read it with)
                throw ApiException.invalid("the query string cannot be read: " + e.getMessage());
            }
            if (stream && digest != null && !digest.isEmpty() && digest.length() != 40) {
                throw ApiException.invalidField("digest", "must be a 40-character string");
            }
            String environment = decode(route.group(1));
            String namespace = NamespaceKey.key(decode(route.group(2)));
            if (!ENVIRONMENT.equals(environment)) {
                throw ApiException.notFound("environment", environment);
            }
            if (stream) {
                stream(request, response, namespace, digest == null || digest.isEmpty() ? null : digest);
            } else {
                snapshot(request, response, namespace);
            }
        } catch (ApiException e) {
            error(response, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Serving " + request.getMethod() + " " + request.getRequestURI() + " failed", e);
            error(response, Code.INTERNAL, "internal error");
        }
    }

    private static void authorize(String template) {
        AccessPolicy.Rule rule = AccessPolicy.classify("GET", template);
        switch (AccessPolicy.decide(rule, Caller.current())) {
            case ALLOW -> { }
            case UNAUTHENTICATED -> throw new ApiException(Code.UNAUTHENTICATED, "request was not authenticated");
            case FORBIDDEN -> throw new ApiException(Code.PERMISSION_DENIED, "permission denied");
        }
    }

    private void snapshot(HttpServletRequest request, HttpServletResponse response, String namespace)
            throws IOException {
        Optional<ClientSnapshot> current = streams.current(namespace);
        if (current.isEmpty()) {
            throw ApiException.notFound("evaluation snapshot for namespace", namespace);
        }
        ClientSnapshot snapshot = current.get();
        response.setHeader("ETag", snapshot.digest());
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && unquote(ifNoneMatch).equals(snapshot.digest())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setContentLength(snapshot.document().length);
        response.getOutputStream().write(snapshot.document());
    }

    private void stream(HttpServletRequest request, HttpServletResponse response, String namespace, String digest)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-cache");
        response.flushBuffer(); // the client has its headers even when its digest is current
        AsyncContext context = request.startAsync();
        context.setTimeout(0); // open until the client or the server ends it
        StreamConnection connection = new StreamConnection(context, response.getOutputStream(), digest,
                closed -> streams.unsubscribe(namespace, closed));
        context.addListener(connection);
        connection.start();
        streams.subscribe(namespace, connection);
    }

    private static void error(HttpServletResponse response, Code code, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(code.http());
        response.setContentType("application/json");
        if (code == Code.UNAUTHENTICATED) {
            response.setHeader("WWW-Authenticate", message); // as every other route (ErrorMapper)
        }
        response.getOutputStream().write(Messages.text(new ErrorMapper.ErrorBody(code.grpc(), message))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String unquote(String tag) {
        String t = tag.trim();
        if (t.startsWith("W/")) {
            t = t.substring(2);
        }
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
