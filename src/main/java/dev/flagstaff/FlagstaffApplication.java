package dev.flagstaff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.streaming.boundary.ClientEvaluationNamespaceSnapshot;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JAX-RS application. It is mounted at {@code /} (with the WAR at context root {@code /}) because
 * Flipt's routes start at the root: {@code /api/v1}, {@code /evaluate/v1}, {@code /auth/v1}, {@code /meta}…
 * The OpenAPI document at {@code /openapi} is generated from the annotations on the resources (see
 * {@link OpenApiConventions} for what is added to every operation).
 * <p>
 * {@code @LoginConfig}: the container verifies bearer JWTs of the configured IdP (MicroProfile JWT); it must
 * stay {@code @ApplicationScoped} or Payara ignores it. When authentication is not required the annotation is
 * taken away at deployment ({@code auth.control.LoginConfigSwitch}). What a caller may do is decided by
 * {@code dev.flagstaff.auth}.
 */
@ApplicationScoped
@ApplicationPath("/")
@OpenAPIDefinition(
        info = @Info(title = "Flagstaff", version = "1.59.3",
                description = "Flipt v1's REST API as Flagstaff serves it. `version` is the Flipt version whose "
                        + "API this is."),
        security = @SecurityRequirement(name = "bearerAuth"),
        components = @Components(schemas = {
            @Schema(name = "Config", type = SchemaType.OBJECT, description = "The effective configuration, by "
                    + "Flipt's top-level sections plus `flagstaff`; no password, secret or token values (contract 9.2). "
                    + "Free-form, as Flipt's."),
            @Schema(name = "GoogleProtobufValue", oneOf = {String.class, Boolean.class}, description = "Any JSON "
                    + "value: the variant key (string) of a variant flag, the value (boolean) of a boolean flag."),
            // Flipt v2's client snapshot: its routes are a servlet (streaming.boundary.ClientApiDocument)
            @Schema(name = "ClientEvaluationNamespaceSnapshot", implementation = ClientEvaluationNamespaceSnapshot.class)},
                responses = @APIResponse(name = "Error",
                description = "An error (contract section 1.5); the HTTP status follows the body's `code`",
                content = @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))))
@SecurityScheme(securitySchemeName = "bearerAuth", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "`Authorization: Bearer <client token>`")
@LoginConfig(authMethod = "MP-JWT")
public class FlagstaffApplication extends Application {
}
