package dev.flagstaff.auth.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** {@code ListAuthenticationsResponse} (contract 8.4). */
@Schema(name = "ListAuthenticationsResponse")
public record ListAuthenticationsResponse(
        @Schema(required = true) List<Authentication> authentications,
        @Schema(required = true, description = "a decimal offset; empty on the last page") String nextPageToken) {
}
