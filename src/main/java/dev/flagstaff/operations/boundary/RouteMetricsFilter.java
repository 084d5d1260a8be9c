package dev.flagstaff.operations.boundary;

import dev.flagstaff.http.Routes;

import dev.flagstaff.operations.control.Metrics;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code flagstaff_http_server_requests_seconds{method,route,status}}, where
 * {@code route} is the matched resource method's path template ({@code /api/v1/namespaces/{namespaceKey}/flags/{key}}),
 * never the raw path, so the number of series stays bounded; requests that match no route share
 * {@code route="unmatched"}. Timers are looked up once per route and status and then reused.
 */
@Provider
@PreMatching
public class RouteMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String METER = "flagstaff.http.server.requests";
    static final String UNMATCHED = "unmatched";
    private static final String STARTED = RouteMetricsFilter.class.getName() + ".started";
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private volatile Metrics metrics;

    @Context
    ResourceInfo resourceInfo;

    /** By resource class, then method: a legacy resource inherits its methods, with another path. */
    private final Map<Class<?>, Map<Method, Route>> routes = new ConcurrentHashMap<>();
    private final Map<String, Route> unmatched = new ConcurrentHashMap<>();

    /** The registry bean, looked up once: a plain JAX-RS provider is not a CDI bean on every server. */
    private Metrics metrics() {
        Metrics m = metrics;
        if (m == null) {
            m = CDI.current().select(Metrics.class).get();
            metrics = m;
        }
        return m;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object started = request.getProperty(STARTED);
        if (!(started instanceof Long start)) {
            return;
        }
        long nanos = System.nanoTime() - start;
        String httpMethod = request.getMethod();
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        Class<?> resource = method == null ? null : resourceInfo.getResourceClass();
        Route route = method == null || resource == null
                ? unmatched.computeIfAbsent(httpMethod, m -> new Route(m, UNMATCHED))
                : routes.computeIfAbsent(resource, c -> new ConcurrentHashMap<>())
                        .computeIfAbsent(method, m -> new Route(Routes.httpMethod(m).orElse(httpMethod), Routes.template(resource, m)));
        route.timer(httpMethod, response.getStatus()).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One route's timers by status (and, rarely, by a method other than the route's own, such as HEAD). */
    private final class Route {
        private final String method;
        private final String template;
        private final Map<Integer, Timer> byStatus = new ConcurrentHashMap<>();

        Route(String method, String template) {
            this.method = method;
            this.template = template;
        }

        Timer timer(String httpMethod, int status) {
            if (!httpMethod.equals(method)) {
                return newTimer(metrics(), httpMethod, template, status);
            }
            Timer timer = byStatus.get(status);
            return timer != null ? timer : byStatus.computeIfAbsent(status, s -> newTimer(metrics(), method, template, s));
        }
    }

    private static Timer newTimer(Metrics metrics, String method, String route, int status) {
        return Timer.builder(METER)
                .description("HTTP requests by route template, method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .serviceLevelObjectives(BUCKETS)
                .register(metrics.registry());
    }
}
