package dev.flagstaff.kubernetes.boundary;

import dev.flagstaff.auth.boundary.Authentication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Flipt's {@code VerifyServiceAccountResponse}: the new client token, shown only here. */
@Schema(name = "VerifyServiceAccountResponse")
public record VerifyServiceAccountResponse(
        @Schema(required = true) String clientToken,
        @Schema(required = true) Authentication authentication) {
}
