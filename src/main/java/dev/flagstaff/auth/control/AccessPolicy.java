package dev.flagstaff.auth.control;

import dev.flagstaff.http.Routes;


import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one authorization policy of Flagstaff, default deny. Every route (HTTP method + path template) falls
 * into exactly one {@link Access} class; a route that no rule names is {@link Access#DENY}, refused for
 * everyone, so a route added later is never open by accident. {@code AccessPolicyTest} walks every resource
 * method and fails for a route that is not in its table.
 */
public final class AccessPolicy {

    /** What a route does, which decides the role it needs. */
    public enum Access {
        /** Never authenticated: {@code /health}, {@code /metrics}, {@code GET /auth/v1/method}, API docs. */
        PUBLIC(null),
        READ(Role.VIEWER),
        EVALUATE(Role.VIEWER),
        WRITE(Role.EDITOR),
        NAMESPACE_ADMIN(Role.ADMIN),
        TOKEN_ADMIN(Role.ADMIN),
        /** Any authenticated caller: {@code /auth/v1/self}. */
        SELF(null),
        /** Not classified: refused for everyone. */
        DENY(null);

        private final Role requires;

        Access(Role requires) {
            this.requires = requires;
        }

        public Role requires() {
            return requires;
        }
    }

    /**
     * The class of one route.
     *
     * @param namespaced the request names its namespace and the resource resolves it through
     *                   {@code NamespaceKey}, which refuses a scoped token for any other namespace; a scoped
     *                   token is refused outright on a route that is not namespaced (contract 8.5)
     */
    public record Rule(Access access, boolean namespaced) {
    }

    public enum Decision { ALLOW, UNAUTHENTICATED, FORBIDDEN }

    private record Entry(Pattern methods, Pattern template, Rule rule) {
    }

    private static final String ANY = "GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS";

    /** First match wins. Templates are the full path with {@code {param}} placeholders. */
    private static final List<Entry> RULES = List.of(
            entry("GET|HEAD", "/(health|metrics|openapi|docs|console)(/.*)?|/webjars/.*|/", Access.PUBLIC, false),
            entry("GET|POST|DELETE", "/auth/v1/session", Access.PUBLIC, false),
            entry("GET", "/auth/v1/method", Access.PUBLIC, false),
            entry("GET", "/auth/v1/method/oidc/\\{[^/]+\\}/(authorize|callback)", Access.PUBLIC, false),
            entry("POST", "/auth/v1/method/kubernetes/serviceaccount", Access.PUBLIC, false),
            entry("GET", "/auth/v1/self", Access.SELF, false),
            entry("PUT", "/auth/v1/self/expire", Access.SELF, false),
            entry(ANY, "/auth/v1/.*", Access.TOKEN_ADMIN, false),
            entry("GET", "/meta(/.*)?", Access.READ, false),
            entry("GET", "/api/v1/namespaces", Access.READ, false),
            entry("POST", "/api/v1/namespaces", Access.NAMESPACE_ADMIN, true),
            entry("GET", "/api/v1/namespaces/\\{[^/]+\\}", Access.READ, true),
            entry("PUT|DELETE", "/api/v1/namespaces/\\{[^/]+\\}", Access.NAMESPACE_ADMIN, true),
            entry("POST", "/api/v1(/namespaces/\\{[^/]+\\})?/(evaluate|batch-evaluate)", Access.EVALUATE, true),
            // every namespace at once: not for a token scoped to one namespace
            entry("GET", "/api/v1/export", Access.READ, false),
            entry("GET", "/api/v1/.+", Access.READ, true),
            entry("POST|PUT|DELETE", "/api/v1/.+", Access.WRITE, true),
            entry("POST", "/evaluate/v1/.+", Access.EVALUATE, true),
            entry("GET", "/internal/v1/evaluation/snapshot/namespace/\\{[^/]+\\}", Access.EVALUATE, true),
            entry("GET|POST", "/ofrep/v1/.+", Access.EVALUATE, false),
            entry("GET", "/client/v2/environments/\\{[^/]+\\}/namespaces/\\{[^/]+\\}/(snapshot|stream)",
                    Access.EVALUATE, true),
            entry("GET", "/internal/v1/analytics/namespaces/\\{[^/]+\\}/flags/\\{[^/]+\\}", Access.READ, true));

    private static final Rule DENY = new Rule(Access.DENY, false);

    private AccessPolicy() {
    }

    private static Entry entry(String methods, String template, Access access, boolean namespaced) {
        return new Entry(Pattern.compile(methods), Pattern.compile(template), new Rule(access, namespaced));
    }

    public static Rule classify(String httpMethod, String template) {
        for (Entry entry : RULES) {
            if (entry.methods().matcher(httpMethod).matches() && entry.template().matcher(template).matches()) {
                return entry.rule();
            }
        }
        return DENY;
    }

    /** The rule of a JAX-RS resource method as it is matched on {@code resourceClass}. */
    public static Rule classify(Class<?> resourceClass, Method method) {
        return classify(Routes.httpMethod(method).orElse(""), Routes.template(resourceClass, method));
    }

    public static Decision decide(Rule rule, Caller caller) {
        if (caller.kind() == Caller.Kind.OPEN) {
            return rule.access() == Access.DENY ? Decision.FORBIDDEN : Decision.ALLOW;
        }
        if (rule.access() == Access.PUBLIC) {
            return Decision.ALLOW;
        }
        if (!caller.authenticated()) {
            return Decision.UNAUTHENTICATED;
        }
        if (caller.namespace() != null && !rule.namespaced()) {
            return Decision.UNAUTHENTICATED; // a namespace-scoped token outside namespaced routes (8.5)
        }
        if (rule.access() == Access.DENY) {
            return Decision.FORBIDDEN;
        }
        Role needed = rule.access().requires();
        if (needed == null) {
            return Decision.ALLOW;
        }
        Optional<Role> role = caller.role();
        return role.isPresent() && role.get().includes(needed) ? Decision.ALLOW : Decision.FORBIDDEN;
    }
}
