package dev.flagstaff.auth.boundary;

import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.auth.control.StoredToken;
import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Flipt's {@code Authentication} message (contract 8.4), fields in proto order. */
final class AuthenticationJson {

    static final String JWT_SUB = "io.flipt.auth.jwt.sub";
    static final String JWT_NAME = "io.flipt.auth.jwt.name";
    static final String JWT_EMAIL = "io.flipt.auth.jwt.email";
    static final String JWT_ISSUER = "io.flipt.auth.jwt.issuer";
    static final String JWT_ROLE = "io.flipt.auth.jwt.role";
    static final String JWT_GROUPS = "io.flagstaff.auth.jwt.groups";

    private AuthenticationJson() {
    }

    static JsonWritable of(StoredToken token) {
        return out -> write(out, token);
    }

    static void write(JsonOut out, StoredToken token) {
        out.str("id", token.id()).str("method", token.method());
        if (token.expiresAt() != null) {
            out.timestampMicros("expiresAt", token.expiresAt());
        }
        out.timestampMicros("createdAt", token.createdAt())
                .timestampMicros("updatedAt", token.updatedAt())
                .stringMap("metadata", token.metadata());
    }

    /** The synthetic authentication of an IdP caller: only {@code method} and {@code metadata}, as Flipt. */
    static JsonWritable jwt(Caller caller) {
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
        return out -> out.str("method", "METHOD_JWT").stringMap("metadata", metadata);
    }

    static JsonWritable list(List<StoredToken> tokens, String nextPageToken) {
        return out -> out.array("authentications", tokens.stream().map(AuthenticationJson::of).toList())
                .str("nextPageToken", nextPageToken);
    }

    private static void put(Map<String, String> metadata, String key, String value) {
        if (value != null && !value.isEmpty()) {
            metadata.put(key, value);
        }
    }
}
