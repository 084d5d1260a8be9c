package dev.flagstaff.auth.control;

import dev.flagstaff.auth.control.AccessPolicy.Access;
import dev.flagstaff.auth.control.AccessPolicy.Decision;
import dev.flagstaff.auth.control.AccessPolicy.Rule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The access policy against every JAX-RS resource method in the build: each route must be in the table
 * below with the class it is meant to have. A new route fails this test until someone decides its class.
 */
class AccessPolicyTest {

    private static final String NS = "/api/v1/namespaces/{namespaceKey}";
    private static final Map<String, Rule> EXPECTED = new TreeMap<>();

    private static void expect(String route, Access access, boolean namespaced) {
        EXPECTED.put(route, new Rule(access, namespaced));
    }

    static {
        expect("GET /api/v1/namespaces", Access.READ, false);
        expect("POST /api/v1/namespaces", Access.NAMESPACE_ADMIN, true);
        expect("GET /api/v1/namespaces/{key}", Access.READ, true);
        // the audit history (viewers; a scoped token sees its namespace) and a namespace's event stream
        expect("GET /api/v1/audit/events", Access.READ, true);
        expect("GET /api/v1/namespaces/{namespaceKey}/events", Access.READ, true);
        expect("PUT /api/v1/namespaces/{key}", Access.NAMESPACE_ADMIN, true);
        expect("DELETE /api/v1/namespaces/{key}", Access.NAMESPACE_ADMIN, true);
        for (String p : List.of(NS, "/api/v1")) {
            expect("GET " + p + "/flags", Access.READ, true);
            expect("POST " + p + "/flags", Access.WRITE, true);
            expect("GET " + p + "/flags/{key}", Access.READ, true);
            expect("PUT " + p + "/flags/{key}", Access.WRITE, true);
            expect("DELETE " + p + "/flags/{key}", Access.WRITE, true);
            expect("POST " + p + "/flags/{flagKey}/variants", Access.WRITE, true);
            expect("PUT " + p + "/flags/{flagKey}/variants/{id}", Access.WRITE, true);
            expect("DELETE " + p + "/flags/{flagKey}/variants/{id}", Access.WRITE, true);
            expect("GET " + p + "/segments", Access.READ, true);
            expect("POST " + p + "/segments", Access.WRITE, true);
            expect("GET " + p + "/segments/{key}", Access.READ, true);
            expect("PUT " + p + "/segments/{key}", Access.WRITE, true);
            expect("DELETE " + p + "/segments/{key}", Access.WRITE, true);
            expect("POST " + p + "/segments/{segmentKey}/constraints", Access.WRITE, true);
            expect("PUT " + p + "/segments/{segmentKey}/constraints/{id}", Access.WRITE, true);
            expect("DELETE " + p + "/segments/{segmentKey}/constraints/{id}", Access.WRITE, true);
            String rules = p + "/flags/{flagKey}/rules";
            expect("GET " + rules, Access.READ, true);
            expect("POST " + rules, Access.WRITE, true);
            expect("PUT " + rules + "/order", Access.WRITE, true);
            expect("GET " + rules + "/{id}", Access.READ, true);
            expect("PUT " + rules + "/{id}", Access.WRITE, true);
            expect("DELETE " + rules + "/{id}", Access.WRITE, true);
            expect("POST " + rules + "/{ruleId}/distributions", Access.WRITE, true);
            expect("PUT " + rules + "/{ruleId}/distributions/{id}", Access.WRITE, true);
            expect("DELETE " + rules + "/{ruleId}/distributions/{id}", Access.WRITE, true);
            expect("POST " + p + "/evaluate", Access.EVALUATE, true);
            expect("POST " + p + "/batch-evaluate", Access.EVALUATE, true);
        }
        expect("GET " + NS + "/export", Access.READ, true);
        expect("GET /api/v1/export", Access.READ, false);
        expect("POST " + NS + "/import", Access.WRITE, true);
        expect("POST " + NS + "/flags/{flagKey}/copy", Access.WRITE, true);
        expect("POST " + NS + "/segments/{segmentKey}/copy", Access.WRITE, true);
        String rollouts = NS + "/flags/{flagKey}/rollouts";
        expect("GET " + rollouts, Access.READ, true);
        expect("POST " + rollouts, Access.WRITE, true);
        expect("PUT " + rollouts + "/order", Access.WRITE, true);
        expect("GET " + rollouts + "/{id}", Access.READ, true);
        expect("PUT " + rollouts + "/{id}", Access.WRITE, true);
        expect("DELETE " + rollouts + "/{id}", Access.WRITE, true);
        String schedules = NS + "/flags/{flagKey}/schedules";
        expect("GET " + schedules, Access.READ, true);
        expect("POST " + schedules, Access.WRITE, true);
        expect("GET " + schedules + "/{id}", Access.READ, true);
        expect("DELETE " + schedules + "/{id}", Access.WRITE, true);
        expect("POST /evaluate/v1/variant", Access.EVALUATE, true);
        expect("POST /evaluate/v1/boolean", Access.EVALUATE, true);
        expect("POST /evaluate/v1/batch", Access.EVALUATE, true);
        expect("GET /internal/v1/evaluation/snapshot/namespace/{key}", Access.EVALUATE, true);
        expect("GET /ofrep/v1/configuration", Access.EVALUATE, false);
        expect("POST /ofrep/v1/evaluate/flags/{key}", Access.EVALUATE, false);
        expect("POST /ofrep/v1/evaluate/flags", Access.EVALUATE, false);
        expect("GET /auth/v1/method", Access.PUBLIC, false);
        expect("GET /auth/v1/method/oidc/{provider}/authorize", Access.PUBLIC, false);
        expect("GET /auth/v1/method/oidc/{provider}/callback", Access.PUBLIC, false);
        expect("POST /auth/v1/method/kubernetes/serviceaccount", Access.PUBLIC, false);
        expect("POST /auth/v1/method/token", Access.TOKEN_ADMIN, false);
        expect("GET /auth/v1/self", Access.SELF, false);
        expect("PUT /auth/v1/self/expire", Access.SELF, false);
        expect("GET /auth/v1/tokens", Access.TOKEN_ADMIN, false);
        expect("GET /auth/v1/tokens/{id}", Access.TOKEN_ADMIN, false);
        expect("DELETE /auth/v1/tokens/{id}", Access.TOKEN_ADMIN, false);
        expect("GET /health", Access.PUBLIC, false);
        expect("GET /health/live", Access.PUBLIC, false);
        expect("GET /health/ready", Access.PUBLIC, false);
        expect("GET /metrics", Access.PUBLIC, false);
        expect("GET /docs", Access.PUBLIC, false);
        expect("GET /openapi", Access.PUBLIC, false);
        expect("GET /docs/{file}", Access.PUBLIC, false);
        expect("GET /meta/info", Access.READ, false);
        expect("GET /meta/config", Access.READ, false);
        // the web console: its static files, its browser session, the evaluation counts of its chart
        expect("GET /", Access.PUBLIC, false);
        expect("GET /console/{file}", Access.PUBLIC, false);
        expect("GET /webjars/{file}", Access.PUBLIC, false);
        expect("POST /auth/v1/session", Access.PUBLIC, false);
        expect("GET /auth/v1/session", Access.PUBLIC, false);
        expect("DELETE /auth/v1/session", Access.PUBLIC, false);
        expect("GET /internal/v1/analytics/namespaces/{namespaceKey}/flags/{flagKey}", Access.READ, true);
    }

    @Test
    void everyResourceMethodIsClassifiedAsIntended() {
        Map<String, Rule> actual = new TreeMap<>();
        for (Class<?> resource : resourceClasses()) {
            for (Method method : resource.getMethods()) {
                Optional<String> http = dev.flagstaff.http.Routes.httpMethod(method);
                if (http.isPresent()) {
                    actual.put(http.get() + " " + dev.flagstaff.http.Routes.template(resource, method),
                            AccessPolicy.classify(resource, method));
                }
            }
        }
        assertEquals(EXPECTED, actual, "routes and their access classes (add a new route to the table "
                + "in this test and, if needed, a rule to AccessPolicy)");
    }

    @Test
    void pathsThatOtherPartsServeArePublicOrNeedAuthentication() {
        for (String path : List.of("/health", "/health/live", "/health/ready", "/metrics", "/openapi", "/openapi/ui",
                "/docs", "/docs/index.html", "/webjars/swagger-ui/5.0/swagger-ui.css")) {
            assertEquals(Access.PUBLIC, AccessPolicy.classify("GET", path).access(), path);
        }
        assertEquals(Access.DENY, AccessPolicy.classify("POST", "/health").access());
        assertEquals(new Rule(Access.READ, false), AccessPolicy.classify("GET", "/meta/info"));
        assertEquals(new Rule(Access.READ, false), AccessPolicy.classify("GET", "/meta/config"));
        assertEquals(Access.DENY, AccessPolicy.classify("GET", "/something/new").access());
        assertEquals(Access.DENY, AccessPolicy.classify("GET", "/internal/v1/analytics/x").access());
    }

    @Test
    void rolesAreOrderedAndEachAccessNeedsItsRole() {
        Map<Access, Role> needs = Map.of(Access.READ, Role.VIEWER, Access.EVALUATE, Role.VIEWER,
                Access.WRITE, Role.EDITOR, Access.NAMESPACE_ADMIN, Role.ADMIN, Access.TOKEN_ADMIN, Role.ADMIN);
        for (Map.Entry<Access, Role> e : needs.entrySet()) {
            Rule rule = new Rule(e.getKey(), true);
            for (Role role : Role.values()) {
                Decision expected = role.includes(e.getValue()) ? Decision.ALLOW : Decision.FORBIDDEN;
                assertEquals(expected, AccessPolicy.decide(rule, caller(role, null)), e.getKey() + " as " + role);
            }
        }
        for (Role role : Role.values()) {
            assertEquals(Decision.ALLOW, AccessPolicy.decide(new Rule(Access.SELF, false), caller(role, null)));
            assertEquals(Decision.FORBIDDEN, AccessPolicy.decide(new Rule(Access.DENY, false), caller(role, null)));
        }
        Caller noRole = Caller.jwt(new Caller.JwtIdentity("iss", "sub", null, null, List.of("other")), Optional.empty());
        assertEquals(Decision.FORBIDDEN, AccessPolicy.decide(new Rule(Access.READ, true), noRole));
        assertEquals(Decision.ALLOW, AccessPolicy.decide(new Rule(Access.SELF, false), noRole));
    }

    @Test
    void anonymousCallersOnlyReachPublicRoutes() {
        for (Access access : Access.values()) {
            Decision expected = access == Access.PUBLIC ? Decision.ALLOW : Decision.UNAUTHENTICATED;
            assertEquals(expected, AccessPolicy.decide(new Rule(access, true), Caller.ANONYMOUS), access.name());
        }
    }

    @Test
    void withAuthenticationOffEverythingClassifiedIsOpen() {
        for (Access access : Access.values()) {
            Decision expected = access == Access.DENY ? Decision.FORBIDDEN : Decision.ALLOW;
            assertEquals(expected, AccessPolicy.decide(new Rule(access, false), Caller.OPEN), access.name());
        }
    }

    @Test
    void scopedTokensAreRefusedOnRoutesWithoutANamespace() {
        Caller scoped = caller(Role.ADMIN, "prod");
        assertEquals(Decision.ALLOW, AccessPolicy.decide(new Rule(Access.WRITE, true), scoped));
        assertEquals(Decision.UNAUTHENTICATED, AccessPolicy.decide(new Rule(Access.READ, false), scoped));
        assertEquals(Decision.UNAUTHENTICATED, AccessPolicy.decide(new Rule(Access.TOKEN_ADMIN, false), scoped));
        assertEquals(Decision.UNAUTHENTICATED, AccessPolicy.decide(new Rule(Access.SELF, false), scoped));
        assertEquals(Decision.ALLOW, AccessPolicy.decide(new Rule(Access.PUBLIC, false), scoped));
    }

    @Test
    void groupsMapToTheHighestConfiguredRole() {
        AuthSettings settings = new AuthSettings(true, Optional.empty(), Map.of(
                Role.VIEWER, java.util.Set.of("staff"), Role.EDITOR, java.util.Set.of("flag-editors"),
                Role.ADMIN, java.util.Set.of("platform")), 5);
        assertEquals(Optional.of(Role.EDITOR), settings.roleOf(List.of("staff", "flag-editors")));
        assertEquals(Optional.of(Role.ADMIN), settings.roleOf(List.of("platform", "staff")));
        assertEquals(Optional.empty(), settings.roleOf(List.of("admin")));
    }

    private static Caller caller(Role role, String namespace) {
        return Caller.token(new StoredToken("id", "METHOD_TOKEN", role, namespace, Map.of(), null, 0, 0));
    }

    /** Every class of the main build with {@code @Path}, found in target/classes. */
    private static List<Class<?>> resourceClasses() {
        try {
            Path root = Path.of(AccessPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                        .map(f -> root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""))
                        .map(AccessPolicyTest::load)
                        .filter(c -> c.isAnnotationPresent(jakarta.ws.rs.Path.class) && !Modifier.isAbstract(c.getModifiers()))
                        .toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, AccessPolicyTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
