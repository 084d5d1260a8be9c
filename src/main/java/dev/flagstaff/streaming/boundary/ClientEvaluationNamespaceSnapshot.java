package dev.flagstaff.streaming.boundary;

import dev.flagstaff.evaluation.boundary.EvaluationNamespaceSnapshot.EvaluationNamespace;
import dev.flagstaff.evaluation.boundary.EvaluationNamespaceSnapshot.EvaluationRolloutThreshold;
import dev.flagstaff.evaluation.boundary.EvaluationNamespaceSnapshot.EvaluationVariant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The schema of Flipt v2's {@code EvaluationNamespaceSnapshot} (Flipt v2.11 {@code rpc/v2/evaluation/evaluationv2.proto}),
 * the body of {@code GET /client/v2/…/snapshot} and the {@code result} of each line of {@code …/stream}. The
 * document itself is written by {@code streaming.control.ClientSnapshot} from the same namespace state as the v1
 * snapshot; {@code ClientStreamIT} holds real snapshots against this schema. Named {@code Client…} because the v1
 * snapshot's messages, of another shape, already have Flipt's names in this document.
 */
@Schema(name = "ClientEvaluationNamespaceSnapshot", description = "A namespace for client-side evaluation "
        + "(Flipt v2's `EvaluationNamespaceSnapshot`)")
public record ClientEvaluationNamespaceSnapshot(
        @Schema(required = true) EvaluationNamespace namespace,
        @Schema(required = true, description = "in creation order") List<ClientEvaluationFlag> flags,
        @Schema(required = true, description = "changes whenever the namespace's content does: 40 hex digits, "
                + "the same value as the `ETag` of `/internal/v1/evaluation/snapshot/namespace/{key}`") String digest) {

    @Schema(name = "ClientEvaluationFlag", description = "`name` and `description` are always empty, as in Flipt v2")
    public record ClientEvaluationFlag(
            @Schema(required = true) String key,
            @Schema(required = true) String name,
            @Schema(required = true) String description,
            @Schema(required = true) boolean enabled,
            @Schema(required = true, enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"}) String type,
            @Schema(required = true, format = "date-time") String createdAt,
            @Schema(required = true, format = "date-time") String updatedAt,
            @Schema(required = true, description = "empty for boolean flags") List<ClientEvaluationRule> rules,
            @Schema(required = true, description = "empty for variant flags") List<ClientEvaluationRollout> rollouts,
            @Schema(description = "left out when none") EvaluationVariant defaultVariant) {
    }

    @Schema(name = "ClientEvaluationRule")
    public record ClientEvaluationRule(
            @Schema(required = true) String id,
            @Schema(required = true) List<ClientEvaluationSegment> segments,
            @Schema(required = true, format = "int32") int rank,
            @Schema(required = true, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}) String segmentOperator,
            @Schema(required = true) List<ClientEvaluationDistribution> distributions) {
    }

    @Schema(name = "ClientEvaluationDistribution")
    public record ClientEvaluationDistribution(
            @Schema(required = true, description = "the rule's id") String ruleId,
            @Schema(required = true) String variantKey,
            @Schema(required = true) String variantAttachment,
            @Schema(required = true, format = "float") float rollout) {
    }

    @Schema(name = "ClientEvaluationRollout", description = "`segment` or `threshold`, by `type`")
    public record ClientEvaluationRollout(
            @Schema(required = true, enumeration = {"UNKNOWN_ROLLOUT_TYPE", "SEGMENT_ROLLOUT_TYPE", "THRESHOLD_ROLLOUT_TYPE"}) String type,
            @Schema(required = true, format = "int32") int rank,
            ClientEvaluationRolloutSegment segment,
            EvaluationRolloutThreshold threshold) {
    }

    @Schema(name = "ClientEvaluationRolloutSegment")
    public record ClientEvaluationRolloutSegment(
            @Schema(required = true) boolean value,
            @Schema(required = true, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}) String segmentOperator,
            @Schema(required = true) List<ClientEvaluationSegment> segments) {
    }

    @Schema(name = "ClientEvaluationSegment", description = "`name` and `description` are always empty.")
    public record ClientEvaluationSegment(
            @Schema(required = true) String key,
            @Schema(required = true) String name,
            @Schema(required = true) String description,
            @Schema(required = true, enumeration = {"ALL_SEGMENT_MATCH_TYPE", "ANY_SEGMENT_MATCH_TYPE"}) String matchType,
            @Schema(required = true) List<ClientEvaluationConstraint> constraints) {
    }

    @Schema(name = "ClientEvaluationConstraint")
    public record ClientEvaluationConstraint(
            @Schema(required = true, enumeration = {"UNKNOWN_CONSTRAINT_COMPARISON_TYPE", "STRING_CONSTRAINT_COMPARISON_TYPE", "NUMBER_CONSTRAINT_COMPARISON_TYPE", "BOOLEAN_CONSTRAINT_COMPARISON_TYPE", "DATETIME_CONSTRAINT_COMPARISON_TYPE", "ENTITY_ID_CONSTRAINT_COMPARISON_TYPE"}) String type,
            @Schema(required = true) String property,
            @Schema(required = true) String operator,
            @Schema(required = true) String value) {
    }
}
