package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** OFREP's bulk request (contract 7). */
@Schema(name = "EvaluateBulkRequest")
public record EvaluateBulkRequest(
        @Schema(description = "`targetingKey` is the entity id; `flags`, comma-separated keys, picks the flags "
                + "(otherwise every boolean flag and every enabled variant flag)")
        Map<String, String> context) {
}
