package dev.flagstaff.auth.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code CreateTokenResponse} (contract 8.3): the only place the client token is ever shown. */
@Schema(name = "CreateTokenResponse")
public record CreateTokenResponse(
        @Schema(required = true, description = "shown only here, never again") String clientToken,
        @Schema(required = true) Authentication authentication) {
}
