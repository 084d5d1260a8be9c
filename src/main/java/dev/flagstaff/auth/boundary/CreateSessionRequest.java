package dev.flagstaff.auth.boundary;

import dev.flagstaff.http.ApiException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Flagstaff's addition for its web console: log a browser in with a client token ({@code POST /auth/v1/session}). */
@Schema(name = "CreateSessionRequest", description = "Flagstaff's addition: log a browser in")
public record CreateSessionRequest(
        @Schema(required = true, description = "a client token of the token method") String clientToken) {

    public CreateSessionRequest {
        if (clientToken == null || clientToken.isEmpty()) {
            throw ApiException.emptyField("clientToken");
        }
    }
}
