package dev.flagstaff.http;

/**
 * Which namespace a request is about (contract section 1.4): the path's {@code {namespaceKey}} when the route has one,
 * otherwise {@code namespaceKey} from the body (POST/PUT) or query string (GET/DELETE), otherwise
 * {@code default}. Legacy routes pass a null path namespace. Every namespace a request names goes through
 * here, so a namespace-scoped token gets its 401 for any other namespace ({@link NamespaceScope}).
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

    /** A namespace's own key (namespace routes, the snapshot route): checked, never defaulted. */
    public static String key(String namespaceKey) {
        return NamespaceScope.check(namespaceKey);
    }

    /** A namespace named on its own (a namespace's key, an evaluation request's namespace); empty = default. */
    public static String of(String namespace) {
        return resolve(null, namespace);
    }

    private static String resolve(String pathNamespace, String requested) {
        if (pathNamespace != null && !pathNamespace.isEmpty()) {
            return NamespaceScope.check(pathNamespace);
        }
        return NamespaceScope.check(requested == null || requested.isEmpty() ? DEFAULT : requested);
    }
}
