package dev.flagstaff.auth.boundary;

import dev.flagstaff.auth.control.AccessPolicy;
import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.http.Code;
import dev.flagstaff.http.ErrorMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Enforces {@link AccessPolicy} on every matched JAX-RS route: 401 for a caller who must authenticate (or a
 * namespace-scoped token outside namespaced routes), 403 {@code permission denied} for a role that does not
 * permit the route. The classification of each resource method is worked out once and kept.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessFilter implements ContainerRequestFilter {

    private static final Map<Method, Map<Class<?>, AccessPolicy.Rule>> RULES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || type == null) {
            return; // nothing matched: JAX-RS answers 404 / 501 itself
        }
        AccessPolicy.Rule rule = RULES.computeIfAbsent(method, m -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> AccessPolicy.classify(t, method));
        switch (AccessPolicy.decide(rule, Caller.current())) {
            case ALLOW -> { }
            case UNAUTHENTICATED -> request.abortWith(error(request, Code.UNAUTHENTICATED, "request was not authenticated"));
            case FORBIDDEN -> request.abortWith(error(request, Code.PERMISSION_DENIED, "permission denied"));
        }
    }

    /** The contract's error body; OFREP routes have their own (contract 7): errorCode GENERAL, no header. */
    private static Response error(ContainerRequestContext request, Code code, String message) {
        String path = request.getUriInfo().getPath(false); // still encoded, as OfrepError expects
        if (!OfrepError.applies(path)) {
            return ErrorMapper.error(code, message);
        }
        return Response.status(code.http()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(OfrepError.body(path, message)).build();
    }
}
