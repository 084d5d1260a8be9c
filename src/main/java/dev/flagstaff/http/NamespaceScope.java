package dev.flagstaff.http;

/**
 * The namespace a namespace-scoped token limits the current request to (contract 8.5), or none. Set by the
 * authentication filter for each request; {@link NamespaceKey} refuses every other namespace with 401.
 */
public final class NamespaceScope {

    private static final ThreadLocal<String> SCOPE = new ThreadLocal<>();

    private NamespaceScope() {
    }

    public static void set(String namespace) {
        if (namespace == null) {
            SCOPE.remove();
        } else {
            SCOPE.set(namespace);
        }
    }

    /** {@code namespace} when the caller may use it; otherwise a 401, as Flipt answers. */
    static String check(String namespace) {
        String scope = SCOPE.get();
        if (scope != null && !scope.equals(namespace)) {
            throw unauthenticated();
        }
        return namespace;
    }

    public static ApiException unauthenticated() {
        return new ApiException(Code.UNAUTHENTICATED, "request was not authenticated");
    }
}
