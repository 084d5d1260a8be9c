package dev.flagstaff.auth.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code /auth/v1} as the OpenAPI document at {@code /openapi} describes it (contract 8.3, 8.4),
 * under Flipt's schema names. Nothing instantiates these classes: {@link AuthenticationJson} and
 * {@link AuthResource} write the responses; {@link AuthResource}'s annotations reference them.
 */
public final class AuthSchemas {

    private AuthSchemas() {
    }

    @Schema(name = "Authentication")
    public static final class Authentication {
        @Schema(description = "absent for IdP (JWT) callers") public String id;
        @Schema(required = true, enumeration = {"METHOD_NONE", "METHOD_TOKEN", "METHOD_OIDC", "METHOD_KUBERNETES",
            "METHOD_GITHUB", "METHOD_JWT", "METHOD_CLOUD"})
        public String method;
        @Schema(format = "date-time", description = "absent when the token never expires") public String expiresAt;
        @Schema(format = "date-time") public String createdAt;
        @Schema(format = "date-time") public String updatedAt;
        @Schema(required = true, description = "`io.flipt.auth.token.name`, `…description`, `…namespace`; "
                + "Flagstaff adds `io.flagstaff.auth.token.role`")
        public Map<String, String> metadata;
    }

    @Schema(name = "CreateSessionRequest", description = "Flagstaff's addition: log a browser in")
    public static final class CreateSessionRequest {
        @Schema(required = true, description = "a client token of the token method") public String clientToken;
    }

    @Schema(name = "CreateTokenRequest")
    public static final class CreateTokenRequest {
        public String name;
        public String description;
        @Schema(format = "date-time", description = "absent: never expires") public String expiresAt;
        @Schema(description = "makes the token namespace-scoped") public String namespaceKey;
        public Map<String, String> metadata;
        @Schema(enumeration = {"viewer", "editor", "admin"}, defaultValue = "admin",
                description = "Flagstaff's addition: what the token may do")
        public String role;
    }

    @Schema(name = "CreateTokenResponse")
    public static final class CreateTokenResponse {
        @Schema(required = true, description = "shown only here, never again") public String clientToken;
        @Schema(required = true) public Authentication authentication;
    }

    @Schema(name = "ListAuthenticationsResponse")
    public static final class ListAuthenticationsResponse {
        @Schema(required = true) public List<Authentication> authentications;
        @Schema(required = true, description = "a decimal offset; empty on the last page") public String nextPageToken;
    }

    @Schema(name = "ListAuthenticationMethodsResponse")
    public static final class ListAuthenticationMethodsResponse {
        @Schema(required = true) public List<MethodInfo> methods;
    }

    @Schema(name = "MethodInfo")
    public static final class MethodInfo {
        @Schema(required = true, enumeration = {"METHOD_TOKEN", "METHOD_GITHUB", "METHOD_OIDC", "METHOD_KUBERNETES",
            "METHOD_JWT"})
        public String method;
        @Schema(required = true) public boolean enabled;
        @Schema(required = true) public boolean sessionCompatible;
    }
}
