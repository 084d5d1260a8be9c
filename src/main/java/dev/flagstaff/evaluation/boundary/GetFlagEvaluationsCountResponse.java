package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** Flipt's {@code GetFlagEvaluationsCountResponse} ({@code rpc/flipt/analytics}): evaluations per time bucket. */
@Schema(name = "GetFlagEvaluationsCountResponse", description = "Evaluations of a flag per time bucket")
public record GetFlagEvaluationsCountResponse(
        @Schema(required = true, description = "each bucket's start, RFC 3339 UTC") List<Instant> timestamps,
        @Schema(required = true, description = "evaluations in each bucket") List<Float> values) {
}
