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

    /** The namespace of a request whose body names it ({@code namespaceKey} as read, {@code ""} when absent). */
    public static String resolve(String pathNamespace, String bodyNamespace) {
        return resolveKey(pathNamespace, bodyNamespace);
    }

    public static String resolve(String pathNamespace, Query query) {
        return resolveKey(pathNamespace, query.string("namespaceKey"));
    }

    /** A namespace's own key (namespace routes, the snapshot route): checked, never defaulted. */
    public static String key(String namespaceKey) {
        return NamespaceScope.check(namespaceKey);
    }

    /** A namespace named on its own (a namespace's key, an evaluation request's namespace); empty = default. */
    public static String of(String namespace) {
        return resolveKey(null, namespace);
    }

    private static String resolveKey(String pathNamespace, String requested) {
        if (pathNamespace != null && !pathNamespace.isEmpty()) {
            return NamespaceScope.check(pathNamespace);
        }
        return NamespaceScope.check(requested == null || requested.isEmpty() ? DEFAULT : requested);
    }
}
