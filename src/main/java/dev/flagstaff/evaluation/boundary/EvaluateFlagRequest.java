package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** OFREP's single-flag request (contract 7). */
@Schema(name = "EvaluateFlagRequest", description = "The flag key is the path's.")
public record EvaluateFlagRequest(
        @Schema(description = "ignored: the key is the path's") String key,
        @Schema(description = "`targetingKey` is the entity id (a random one when absent)")
        Map<String, String> context) {
}
