package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * OFREP's error body {@code {"key","errorCode","errorDetails"}} (contract 7), also for the refusals of the auth
 * filters on {@code /ofrep}.
 *
 * @param key the flag key, or null (left out) when it is not known
 */
@Schema(name = "OfrepErrorResponse", description = "OFREP's error body (not the `Status` of the other routes).")
public record OfrepErrorResponse(
        @Schema(description = "the flag key, when known") String key,
        @Schema(required = true, enumeration = {"FLAG_NOT_FOUND", "INVALID_CONTEXT", "GENERAL"}) String errorCode,
        @Schema(required = true) String errorDetails) {
}
