package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** OFREP's bulk answer (contract 7). */
@Schema(name = "BulkEvaluationResponse")
public record BulkEvaluationResponse(@Schema(required = true) List<EvaluatedFlag> flags) {
}
