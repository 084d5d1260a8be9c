package dev.flagstaff.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

import java.net.URI;

/**
 * Flipt's routing conventions that apply before a resource is chosen (contract section 1.1): one trailing
 * {@code /} is ignored, and every API answer is JSON whatever the client's {@code Accept} says (only {@code /openapi}
 * and the exports of Flipt documents, YAML unless JSON is asked for, read it).
 */
@Provider
@PreMatching
public class RoutingFilter implements ContainerRequestFilter {

    private static final java.util.regex.Pattern EXPORT =
            java.util.regex.Pattern.compile("api/v1/(namespaces/[^/]+/)?export");

    @Override
    public void filter(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path != null && path.length() > 1 && path.endsWith("/")) {
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority()
                    + path.substring(0, path.length() - 1) + query));
        }
        String relative = trimSlashes(request.getUriInfo().getPath());
        if (!relative.equals("openapi") && !EXPORT.matcher(relative).matches() // YAML or JSON by Accept
                || !readable(request.getHeaders().get(HttpHeaders.ACCEPT))) { // else the container's HTML 400
            request.getHeaders().remove(HttpHeaders.ACCEPT);
        }
    }

    /** {@code path} without its leading and trailing slashes (no regular expression: this runs per request). */
    static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    /** True when every media range of the {@code Accept} header lines parses (or there is none). */
    private static boolean readable(java.util.List<String> accept) {
        if (accept == null) {
            return true;
        }
        try {
            for (String line : accept) {
                for (String range : line.split(",")) {
                    if (!range.isBlank()) {
                        jakarta.ws.rs.core.MediaType type = jakarta.ws.rs.core.MediaType.valueOf(range.trim());
                        String q = type.getParameters().get("q");
                        if (q != null) {
                            Double.parseDouble(q);
                        }
                    }
                }
            }
            return true;
        } catch (IllegalArgumentException e) { // NumberFormatException too
            return false;
        }
    }
}
