package dev.flagstaff.docs.boundary;

import dev.flagstaff.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi}: the OpenAPI 3 document of every route, YAML by default, JSON with {@code ?format=JSON} or
 * {@code Accept: application/json} (MicroProfile OpenAPI's conventions). The document is generated from the
 * resources' MicroProfile OpenAPI annotations when the WAR is built (smallrye-open-api-maven-plugin, see
 * pom.xml) and served as built, so every server answers with the same, valid document: Payara's own OpenAPI
 * service would add a non-standard top-level {@code endpoints} list, so it is moved out of the way
 * ({@code src/main/payara/preboot.asadmin}), and Open Liberty runs without its {@code mpOpenAPI} feature.
 */
@ApplicationScoped
@Path("openapi")
public class OpenApiResource {

    private static final String YAML_TYPE = "application/yaml; charset=utf-8";
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final byte[] yaml = load("openapi.yaml");
    private final byte[] json = load("openapi.json");

    @GET
    @Operation(hidden = true)
    public Response document(@QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean asJson = format != null ? "JSON".equalsIgnoreCase(format)
                : accept != null && accept.contains("application/json");
        if (format != null && !asJson && !"YAML".equalsIgnoreCase(format)) {
            throw ApiException.invalid("format must be JSON or YAML");
        }
        return Response.ok(asJson ? json : yaml, asJson ? JSON_TYPE : YAML_TYPE).build();
    }

    private static byte[] load(String name) {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not in the WAR: the build generates it (pom.xml)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
