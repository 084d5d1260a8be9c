package dev.flagstaff.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * What a JAX-RS resource method is as a route: its HTTP method and its full path template. One definition for
 * everything that names routes (the access policy, the per-route metrics).
 */
public final class Routes {

    private Routes() {
    }

    /** {@code GET}, {@code POST}… of a resource method; empty for a sub-resource locator or a plain method. */
    public static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return Optional.of(http.value());
            }
        }
        return Optional.empty();
    }

    /**
     * The path template of a resource method as matched on {@code resourceClass}: the class's {@code @Path}
     * (on the class or the nearest superclass, which also sees through CDI proxy subclasses and gives a legacy
     * subclass its own path) joined with the method's, regular expressions of path parameters left out
     * ({@code {id: .+}} becomes {@code {id}}), e.g. {@code /api/v1/namespaces/{namespaceKey}/flags/{key}}.
     */
    public static String template(Class<?> resourceClass, Method method) {
        String classPath = "";
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            Path path = c.getAnnotation(Path.class);
            if (path != null) {
                classPath = path.value();
                break;
            }
        }
        Path methodPath = method.getAnnotation(Path.class);
        String joined = "/" + classPath + "/" + (methodPath == null ? "" : methodPath.value());
        String template = joined.replaceAll("\\{\\s*([^:}\\s]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/+", "/");
        return template.length() > 1 && template.endsWith("/") ? template.substring(0, template.length() - 1) : template;
    }
}
