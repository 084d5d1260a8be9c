package dev.flagstaff.console.boundary;

import dev.flagstaff.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;

/**
 * The web console: the single page at {@code /} ({@code src/main/webapp/index.html}), its own script and style
 * ({@code /console/…}, from {@code src/main/webapp/console}) and the WebJars it loads ({@code /webjars/…}, from
 * {@code META-INF/resources/webjars} of the WebJar jars in the WAR). Static files only: everything the page
 * does, it does through the documented API routes, as Flipt's UI does. The files are served here rather than
 * by the servlet container's default servlet because the JAX-RS application owns every path from {@code /}
 * (so unknown paths keep the API's error body). Only the listed files are served; anything else is the API's
 * 404.
 */
@ApplicationScoped
@Path("")
public class ConsoleResource {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml");

    /** The WebJar files the page loads; versions as pinned in pom.xml. */
    private static final Set<String> WEBJAR_FILES = Set.of(
            "alpinejs/3.15.8/dist/cdn.min.js",
            "picocss__pico/2.1.1/css/pico.min.css",
            "sortablejs/1.15.6/Sortable.min.js",
            "chart.js/4.5.1/dist/chart.umd.min.js");

    private static final Set<String> CONSOLE_FILES = Set.of("app.js", "app.css", "favicon.svg");

    @GET
    @Operation(hidden = true)
    public Response page(@Context ServletContext servlet) {
        try (InputStream in = servlet.getResourceAsStream("/index.html")) {
            if (in == null) {
                throw ApiException.notFound("Not Found");
            }
            CacheControl cache = new CacheControl();
            cache.setNoCache(true);
            return Response.ok(in.readAllBytes(), TYPES.get("html")).cacheControl(cache).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("console/{file}")
    @Operation(hidden = true)
    public Response consoleFile(@PathParam("file") String file, @Context ServletContext servlet) {
        if (!CONSOLE_FILES.contains(file)) {
            throw ApiException.notFound("Not Found");
        }
        try (InputStream in = servlet.getResourceAsStream("/console/" + file)) {
            return file(in, file, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Path("webjars/{file: .+}")
    @Operation(hidden = true)
    public Response webjar(@PathParam("file") String file) {
        if (!WEBJAR_FILES.contains(file)) {
            throw ApiException.notFound("Not Found");
        }
        try (InputStream in = ConsoleResource.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/webjars/" + file)) {
            return file(in, file, 31_536_000); // the path names the version: cache for a year
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response file(InputStream in, String name, int maxAge) throws IOException {
        if (in == null) {
            throw ApiException.notFound("Not Found");
        }
        CacheControl cache = new CacheControl();
        if (maxAge > 0) {
            cache.setMaxAge(maxAge);
        } else {
            cache.setNoCache(true);
        }
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
    }
}
