package dev.flagstaff.auth.boundary;

import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.auth.control.StoredToken;
import dev.flagstaff.http.Timestamps;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flipt's {@code Authentication} message (contract 8.4), fields in proto order. An IdP (JWT) caller's is
 * synthetic: only {@code method} and {@code metadata}, as Flipt shows it.
 */
@Schema(name = "Authentication")
public record Authentication(
        @Schema(description = "absent for IdP (JWT) callers") String id,
        @Schema(required = true, enumeration = {"METHOD_NONE", "METHOD_TOKEN", "METHOD_OIDC", "METHOD_KUBERNETES",
                "METHOD_GITHUB", "METHOD_JWT", "METHOD_CLOUD"}) String method,
        @Schema(format = "date-time", description = "absent when the token never expires") Instant expiresAt,
        @Schema(format = "date-time") Instant createdAt,
        @Schema(format = "date-time") Instant updatedAt,
        @Schema(required = true, description = "`io.flipt.auth.token.name`, `…description`, `…namespace`; "
                + "Flagstaff adds `io.flagstaff.auth.token.role`") Map<String, String> metadata) {

    static final String JWT_SUB = "io.flipt.auth.jwt.sub";
    static final String JWT_NAME = "io.flipt.auth.jwt.name";
    static final String JWT_EMAIL = "io.flipt.auth.jwt.email";
    static final String JWT_ISSUER = "io.flipt.auth.jwt.issuer";
    static final String JWT_ROLE = "io.flipt.auth.jwt.role";
    static final String JWT_GROUPS = "io.flagstaff.auth.jwt.groups";

    /** A stored token as the API shows it (never the client token: only its hash is stored). */
    public static Authentication of(StoredToken token) {
        return new Authentication(token.id(), token.method(),
                token.expiresAt() == null ? null : Timestamps.fromMicros(token.expiresAt()),
                Timestamps.fromMicros(token.createdAt()), Timestamps.fromMicros(token.updatedAt()), token.metadata());
    }

    /** The synthetic authentication of an IdP caller. */
    static Authentication jwt(Caller caller) {
        Caller.JwtIdentity jwt = caller.jwt();
        Map<String, String> metadata = new LinkedHashMap<>();
        put(metadata, JWT_SUB, jwt.subject());
        put(metadata, JWT_NAME, jwt.name());
        put(metadata, JWT_EMAIL, jwt.email());
        put(metadata, JWT_ISSUER, jwt.issuer());
        caller.role().ifPresent(role -> metadata.put(JWT_ROLE, role.key()));
        if (!jwt.groups().isEmpty()) {
            metadata.put(JWT_GROUPS, String.join(",", jwt.groups()));
        }
        return new Authentication(null, "METHOD_JWT", null, null, null, metadata);
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(key, value);
        }
    }
}
