package dev.flagstaff.transfer.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The shape of a Flipt import/export document ({@code internal/ext/common.go} of Flipt v1.59.3) for {@code /openapi}:
 * what {@code GET …/export} answers as JSON and {@code POST …/import} takes. The documents themselves are built and
 * read by {@code transfer.control} (field order and Go's {@code omitempty} matter there, which a record cannot say);
 * these records describe them, field for field, in the same order. Absent fields are Flipt's empty values.
 */
@Schema(name = "ExportDocument", description = "A namespace in Flipt's import/export format (`flipt export`): YAML "
        + "by default, this JSON with `Accept: application/json`. Keys are snake_case where Flipt's are.")
public record ExportDocument(
        @Schema(description = "the format version, `1.4` when exported; only on the first document of a stream; "
                + "imports take 1.0 to 1.4 (absent: 1.4)", enumeration = {"1.0", "1.1", "1.2", "1.3", "1.4"}) String version,
        @Schema(required = true) ExportNamespace namespace,
        @Schema(description = "left out when the namespace has none") List<ExportFlag> flags,
        @Schema(description = "left out when the namespace has none") List<ExportSegment> segments) {

    @Schema(name = "ExportNamespace", description = "An import also takes the namespace key alone, as a string")
    public record ExportNamespace(@Schema(required = true) String key, String name, String description) {
    }

    @Schema(name = "ExportFlag")
    public record ExportFlag(
            @Schema(required = true) String key,
            String name,
            @Schema(required = true, enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"},
                    description = "from version 1.1") String type,
            String description,
            @Schema(required = true) boolean enabled,
            @Schema(type = SchemaType.OBJECT, description = "any JSON object") JsonObject metadata,
            List<ExportVariant> variants,
            @Schema(description = "variant flags: by rank") List<ExportRule> rules,
            @Schema(description = "boolean flags: by rank (from version 1.1)") List<ExportRollout> rollouts) {
    }

    @Schema(name = "ExportVariant")
    public record ExportVariant(
            @Schema(name = "default", description = "only `true`, on the flag's default variant (from version 1.3)")
            Boolean isDefault,
            @Schema(required = true) String key,
            String name,
            String description,
            @Schema(implementation = AnyJsonValue.class, description = "the attachment as a JSON value (not as "
                    + "JSON text)") JsonValue attachment) {
    }

    @Schema(name = "ExportRule")
    public record ExportRule(
            @Schema(required = true, implementation = ExportRuleSegment.class) Object segment,
            @Schema(format = "int32", description = "import only: the rank; absent, the rule's position (from 1.1)")
            Integer rank,
            List<ExportDistribution> distributions) {
    }

    @Schema(name = "ExportRuleSegment", oneOf = {String.class, ExportRuleSegments.class},
            description = "one segment key, or several with their operator")
    public interface ExportRuleSegment {
    }

    @Schema(name = "ExportRuleSegments")
    public record ExportRuleSegments(
            @Schema(required = true) List<String> keys,
            @Schema(enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}) String operator) {
    }

    @Schema(name = "ExportDistribution")
    public record ExportDistribution(
            @Schema(description = "the variant's key") String variant,
            @Schema(required = true, format = "float") float rollout) {
    }

    @Schema(name = "ExportRollout", description = "`segment` or `threshold`")
    public record ExportRollout(String description, ExportRolloutSegment segment, ExportThreshold threshold) {
    }

    @Schema(name = "ExportRolloutSegment", description = "`key` for one segment, `keys` for several (from 1.2)")
    public record ExportRolloutSegment(
            String key,
            List<String> keys,
            @Schema(enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"},
                    description = "written only when AND") String operator,
            @Schema(description = "written only when true") Boolean value) {
    }

    @Schema(name = "ExportThreshold")
    public record ExportThreshold(
            @Schema(required = true, format = "float") float percentage,
            @Schema(description = "written only when true") Boolean value) {
    }

    @Schema(name = "ExportSegment")
    public record ExportSegment(
            @Schema(required = true) String key,
            String name,
            String description,
            List<ExportConstraint> constraints,
            @Schema(required = true, enumeration = {"ALL_MATCH_TYPE", "ANY_MATCH_TYPE"}) String match_type) {
    }

    @Schema(name = "ExportConstraint")
    public record ExportConstraint(
            @Schema(required = true, enumeration = {"STRING_COMPARISON_TYPE", "NUMBER_COMPARISON_TYPE",
                    "BOOLEAN_COMPARISON_TYPE", "DATETIME_COMPARISON_TYPE", "ENTITY_ID_COMPARISON_TYPE"}) String type,
            String property,
            String operator,
            String value,
            String description) {
    }

    /** Any JSON value: object, array, string, number, boolean or null. */
    @Schema(name = "AnyJsonValue", description = "any JSON value")
    public interface AnyJsonValue {
    }
}
