package dev.flagstaff.auth.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code ListAuthenticationMethodsResponse} (contract 8.3) and its {@code MethodInfo} items. */
@Schema(name = "ListAuthenticationMethodsResponse")
public record ListAuthenticationMethodsResponse(@Schema(required = true) List<MethodInfo> methods) {

    @Schema(name = "MethodInfo")
    public record MethodInfo(
            @Schema(required = true, enumeration = {"METHOD_TOKEN", "METHOD_GITHUB", "METHOD_OIDC",
                    "METHOD_KUBERNETES", "METHOD_JWT"}) String method,
            @Schema(required = true) boolean enabled,
            @Schema(required = true) boolean sessionCompatible,
            @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
                    description = "OIDC: `{\"providers\":{\"<name>\":{\"authorize_url\":…,\"callback_url\":…}}}`; "
                            + "absent for the other methods") jakarta.json.JsonObject metadata) {
    }
}
