package dev.flagstaff.http;

/**
 * Which namespace a request is about (contract section 1.4): the path's {@code {namespaceKey}} when the route has one,
 * otherwise {@code namespaceKey} from the body (POST/PUT) or query string (GET/DELETE), otherwise
 * {@code default}. Legacy routes pass a null path namespace.
 */
public final class NamespaceKey {

    public static final String DEFAULT = "default";

    private NamespaceKey() {
    }

    public static String resolve(String pathNamespace, JsonBody body) {
        return resolve(pathNamespace, JsonBody.orEmpty(body).string("namespaceKey"));
    }

    public static String resolve(String pathNamespace, Query query) {
        return resolve(pathNamespace, query.string("namespaceKey"));
    }

    private static String resolve(String pathNamespace, String requested) {
        if (pathNamespace != null && !pathNamespace.isEmpty()) {
            return pathNamespace;
        }
        return requested == null || requested.isEmpty() ? DEFAULT : requested;
    }
}
