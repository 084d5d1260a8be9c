package dev.flagstaff.operations.boundary;

import dev.flagstaff.operations.control.BuildInfo;
import dev.flagstaff.operations.control.EffectiveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@code /meta}: what is running (contract 9.1) and with which configuration (9.2). Plain JSON, as in Flipt.
 */
@ApplicationScoped
@Path("meta")
@Produces(MediaType.APPLICATION_JSON)
public class MetaResource {

    private final BuildInfo build = BuildInfo.current();

    @GET
    @Path("info")
    @Operation(operationId = "getInfo", summary = "Version and build information")
    @Tag(name = "Operations")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Info.class)))
    public Info info() {
        boolean authRequired = EffectiveConfig.authRequired(ConfigProvider.getConfig());
        return new Info(build.fliptVersion(), build.buildDate().isEmpty() ? null : build.buildDate(), build.runtime(),
                false, build.release(), build.os(), build.arch(), new Info.Authentication(authRequired),
                new Info.Storage("database"), new Info.Flagstaff(build.version()));
    }

    @GET
    @Path("config")
    @Operation(operationId = "getConfig", summary = "The effective configuration, secrets removed")
    @Tag(name = "Operations")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "Config")))
    public String config(@Context UriInfo uriInfo) {
        // only portable JAX-RS here: Open Liberty does not show the Servlet API to an application without its feature
        URI base = uriInfo.getBaseUri();
        int port = base.getPort() != -1 ? base.getPort() : "https".equals(base.getScheme()) ? 443 : 80;
        // a free-form document (Flipt's config has no message): JSON-P's compact text
        return EffectiveConfig.document(ConfigProvider.getConfig(), base.getScheme(), port).toString();
    }
}
