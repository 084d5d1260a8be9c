package dev.flagstaff.oidc.boundary;

import dev.flagstaff.auth.boundary.Authentication;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Flipt's {@code CallbackResponse}. Over HTTP, as Flipt's gateway does, the client token goes only into the
 * {@code flipt_client_token} cookie and the body's {@code clientToken} is empty.
 */
@Schema(name = "CallbackResponse")
public record CallbackResponse(
        @Schema(required = true, description = "empty over HTTP: the token is in the HttpOnly session cookie") String clientToken,
        @Schema(required = true) Authentication authentication) {
}
