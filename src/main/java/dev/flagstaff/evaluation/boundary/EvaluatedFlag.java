package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.engine.BooleanEvaluation;
import dev.flagstaff.evaluation.engine.FlagEvaluation;
import dev.flagstaff.evaluation.engine.VariantEvaluation;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.LinkedHashMap;
import java.util.Map;

/** OFREP's {@code EvaluatedFlag} (contract 7). */
@Schema(name = "EvaluatedFlag")
public record EvaluatedFlag(
        @Schema(required = true) String key,
        @Schema(required = true, enumeration = {"UNKNOWN", "DISABLED", "TARGETING_MATCH", "DEFAULT"}) String reason,
        @Schema(required = true, description = "the variant key, or `true`/`false` for a boolean flag")
        String variant,
        @Schema(required = true, description = "variant flags: `segments` (comma-separated) and `attachment` (JSON "
                + "text) when there are any") Map<String, String> metadata,
        @Schema(required = true, ref = "GoogleProtobufValue") JsonValue value) {

    static EvaluatedFlag of(FlagEvaluation result) {
        if (result instanceof BooleanEvaluation b) {
            return new EvaluatedFlag(b.flagKey(), b.reason().ofrepReason(), Boolean.toString(b.enabled()), Map.of(),
                    b.enabled() ? JsonValue.TRUE : JsonValue.FALSE);
        }
        VariantEvaluation v = (VariantEvaluation) result;
        Map<String, String> metadata = new LinkedHashMap<>();
        if (!v.segmentKeys().isEmpty()) {
            metadata.put("segments", String.join(",", v.segmentKeys()));
        }
        if (!v.variantAttachment().isEmpty()) {
            metadata.put("attachment", v.variantAttachment());
        }
        return new EvaluatedFlag(v.flagKey(), v.reason().ofrepReason(), v.variantKey(), metadata,
                JsonP.PROVIDER.createValue(v.variantKey()));
    }
}
