package dev.flagstaff.auth.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * {@code CreateTokenRequest} of the token method (contract 8.3).
 *
 * @param expiresAt null when absent (or empty): the token never expires
 */
@Schema(name = "CreateTokenRequest")
public record CreateTokenRequest(
        String name,
        String description,
        @Schema(format = "date-time", description = "absent: never expires") Instant expiresAt,
        @Schema(description = "makes the token namespace-scoped") String namespaceKey,
        Map<String, String> metadata,
        @Schema(enumeration = {"viewer", "editor", "admin"}, defaultValue = "admin",
                description = "Flagstaff's addition: what the token may do") String role) {
}
