package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The client snapshot of {@code GET /internal/v1/evaluation/snapshot/namespace/{key}} (contract 9.5) and its parts,
 * one record per Flipt message under Flipt's schema names. The snapshot's bytes are rendered once per namespace
 * change by {@code evaluation.control.SnapshotDocuments} (they are cached and hashed for the {@code ETag}); these
 * records give the document its schema, and {@code ResponseSchemasIT} holds real snapshots against it.
 */
@Schema(name = "EvaluationNamespaceSnapshot", description = "A namespace for client-side evaluation. Its enum "
        + "names differ from the management API's.")
public record EvaluationNamespaceSnapshot(
        @Schema(required = true) EvaluationNamespace namespace,
        @Schema(required = true, description = "in creation order") List<EvaluationFlag> flags) {

    @Schema(name = "EvaluationNamespace")
    public record EvaluationNamespace(
            @Schema(required = true) String key) {
    }

    @Schema(name = "EvaluationFlag")
    public record EvaluationFlag(
            @Schema(required = true) String key,
            @Schema(required = true) String name,
            @Schema(required = true) String description,
            @Schema(required = true) boolean enabled,
            @Schema(required = true, enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"}) String type,
            @Schema(required = true, format = "date-time") String createdAt,
            @Schema(required = true, format = "date-time") String updatedAt,
            @Schema(required = true, description = "empty for boolean flags") List<EvaluationRule> rules,
            @Schema(required = true, description = "empty for variant flags") List<EvaluationRollout> rollouts,
            @Schema(description = "left out when none, or for clients older than 1.47.0 (x-flipt-accept-server-version)") EvaluationVariant defaultVariant) {
    }

    @Schema(name = "EvaluationVariant")
    public record EvaluationVariant(
            @Schema(required = true) String id,
            @Schema(required = true) String key,
            @Schema(required = true) String attachment) {
    }

    @Schema(name = "EvaluationRule")
    public record EvaluationRule(
            @Schema(required = true) String id,
            @Schema(required = true) List<EvaluationSegment> segments,
            @Schema(required = true, format = "int32") int rank,
            @Schema(required = true, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}) String segmentOperator,
            @Schema(required = true) List<EvaluationDistribution> distributions) {
    }

    @Schema(name = "EvaluationDistribution")
    public record EvaluationDistribution(
            @Schema(required = true, description = "always empty") String id,
            @Schema(required = true, description = "always empty") String ruleId,
            @Schema(required = true) String variantId,
            @Schema(required = true) String variantKey,
            @Schema(required = true) String variantAttachment,
            @Schema(required = true, format = "float") float rollout) {
    }

    @Schema(name = "EvaluationRollout")
    public record EvaluationRollout(
            @Schema(required = true, enumeration = {"UNKNOWN_ROLLOUT_TYPE", "SEGMENT_ROLLOUT_TYPE", "THRESHOLD_ROLLOUT_TYPE"}) String type,
            @Schema(required = true, format = "int32") int rank,
            EvaluationRolloutSegment segment,
            EvaluationRolloutThreshold threshold) {
    }

    @Schema(name = "EvaluationRolloutSegment")
    public record EvaluationRolloutSegment(
            @Schema(required = true) boolean value,
            @Schema(required = true, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}) String segmentOperator,
            @Schema(required = true) List<EvaluationSegment> segments) {
    }

    @Schema(name = "EvaluationRolloutThreshold")
    public record EvaluationRolloutThreshold(
            @Schema(required = true, format = "float") float percentage,
            @Schema(required = true) boolean value) {
    }

    @Schema(name = "EvaluationSegment", description = "`name` and `description` are always empty.")
    public record EvaluationSegment(
            @Schema(required = true) String key,
            @Schema(required = true) String name,
            @Schema(required = true) String description,
            @Schema(required = true, enumeration = {"ALL_SEGMENT_MATCH_TYPE", "ANY_SEGMENT_MATCH_TYPE"}) String matchType,
            @Schema(required = true) List<EvaluationConstraint> constraints) {
    }

    @Schema(name = "EvaluationConstraint")
    public record EvaluationConstraint(
            @Schema(required = true, description = "empty inside rollouts") String id,
            @Schema(required = true, enumeration = {"UNKNOWN_CONSTRAINT_COMPARISON_TYPE", "STRING_CONSTRAINT_COMPARISON_TYPE", "NUMBER_CONSTRAINT_COMPARISON_TYPE", "BOOLEAN_CONSTRAINT_COMPARISON_TYPE", "DATETIME_CONSTRAINT_COMPARISON_TYPE", "ENTITY_ID_CONSTRAINT_COMPARISON_TYPE"}, description = "ENTITY_ID is sent as UNKNOWN to clients older than 1.38.0") String type,
            @Schema(required = true) String property,
            @Schema(required = true) String operator,
            @Schema(required = true) String value) {
    }
}
