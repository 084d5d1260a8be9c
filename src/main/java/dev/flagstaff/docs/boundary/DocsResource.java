package dev.flagstaff.docs.boundary;

import dev.flagstaff.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /docs}: the API's documentation page, Swagger UI (from the {@code org.webjars:swagger-ui} WebJar in the
 * WAR) over the OpenAPI document the server serves at {@code /openapi}. Its "Authorize" button takes a client
 * token for the {@code bearerAuth} scheme, which "Try it out" then sends. The page and its files are served here
 * rather than by the servlet container because the JAX-RS application owns every path from {@code /}.
 */
@ApplicationScoped
@Path("docs")
public class DocsResource {

    /** The Swagger UI files the page loads, with their media types; nothing else of the WebJar is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "index.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
            "swagger-ui-standalone-preset.js", "text/javascript; charset=utf-8",
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String VERSION = webjarVersion();

    @GET
    @Operation(hidden = true)
    public Response page(@Context UriInfo uri) {
        String root = uri.getBaseUri().getPath();
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Flagstaff API</title>
                  <link rel="stylesheet" href="%1$sdocs/swagger-ui.css">
                  <link rel="stylesheet" href="%1$sdocs/index.css">
                  <link rel="icon" type="image/png" href="%1$sdocs/favicon-32x32.png" sizes="32x32">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$sdocs/swagger-ui-bundle.js"></script>
                  <script src="%1$sdocs/swagger-ui-standalone-preset.js"></script>
                  <script>
                    window.onload = () => {
                      window.ui = SwaggerUIBundle({
                        url: "%1$sopenapi",
                        dom_id: "#swagger-ui",
                        deepLinking: true,
                        validatorUrl: null,
                        persistAuthorization: true,
                        presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                        layout: "BaseLayout"
                      });
                    };
                  </script>
                </body>
                </html>
                """.formatted(root);
        return Response.ok(html, "text/html; charset=utf-8").build();
    }

    @GET
    @Path("{file}")
    @Operation(hidden = true)
    public Response asset(@PathParam("file") String file) {
        String type = ASSETS.get(file);
        InputStream in = type == null ? null
                : DocsResource.class.getClassLoader().getResourceAsStream(WEBJAR + VERSION + "/" + file);
        if (in == null) {
            throw ApiException.notFound("Not Found");
        }
        try (in) {
            CacheControl cache = new CacheControl();
            cache.setMaxAge(86_400);
            return Response.ok(in.readAllBytes(), type).cacheControl(cache).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        Properties pom = new Properties();
        try (InputStream in = DocsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui WebJar is not in the WAR");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }
}
