package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The JSON of the evaluation routes as the OpenAPI document at {@code /openapi} describes it: the evaluation API
 * (contract 6.8), the legacy evaluation routes (6.6), OFREP (7) and the client snapshot (9.5), under Flipt's
 * schema names (the legacy ones, which Flipt's document leaves out, with a {@code Legacy} prefix: their Flipt
 * names clash with the evaluation API's). Nothing instantiates these classes; {@link EvaluationJson} and the
 * resources write the responses; the resources' annotations reference them.
 */
public final class EvaluationSchemas {

    private EvaluationSchemas() {
    }

    private static final String REASONS_DESCRIPTION = "why the flag evaluated as it did";

    // ---- /evaluate/v1 --------------------------------------------------------------------------------

    @Schema(name = "EvaluationRequest", description = "Nothing is validated: a missing flag is a 404 (in a batch, "
            + "an error item).")
    public static final class EvaluationRequestSchema {
        @Schema(description = "echoed; a UUID is made when empty") public String requestId;
        @Schema(defaultValue = "default") public String namespaceKey;
        public String flagKey;
        public String entityId;
        public Map<String, String> context;
        @Schema(description = "ignored (Flipt's storage reference)") public String reference;
    }

    @Schema(name = "BatchEvaluationRequest")
    public static final class BatchEvaluationRequest {
        public String requestId;
        @Schema(description = "may be empty") public List<EvaluationRequestSchema> requests;
        @Schema(description = "ignored (Flipt's storage reference)") public String reference;
    }

    @Schema(name = "VariantEvaluationResponse")
    public static final class VariantEvaluationResponse {
        @Schema(required = true) public boolean match;
        @Schema(required = true) public List<String> segmentKeys;
        @Schema(required = true, description = REASONS_DESCRIPTION, enumeration = {"UNKNOWN_EVALUATION_REASON",
                "FLAG_DISABLED_EVALUATION_REASON", "MATCH_EVALUATION_REASON", "DEFAULT_EVALUATION_REASON"})
        public String reason;
        @Schema(required = true) public String variantKey;
        @Schema(required = true, description = "JSON text; empty when none") public String variantAttachment;
        @Schema(required = true) public String requestId;
        @Schema(required = true, format = "double") public double requestDurationMillis;
        @Schema(required = true, format = "date-time") public String timestamp;
        @Schema(required = true) public String flagKey;
    }

    @Schema(name = "BooleanEvaluationResponse")
    public static final class BooleanEvaluationResponse {
        @Schema(required = true) public boolean enabled;
        @Schema(required = true, description = REASONS_DESCRIPTION, enumeration = {"UNKNOWN_EVALUATION_REASON",
                "FLAG_DISABLED_EVALUATION_REASON", "MATCH_EVALUATION_REASON", "DEFAULT_EVALUATION_REASON"})
        public String reason;
        @Schema(required = true) public String requestId;
        @Schema(required = true, format = "double") public double requestDurationMillis;
        @Schema(required = true, format = "date-time") public String timestamp;
        @Schema(required = true) public String flagKey;
    }

    @Schema(name = "ErrorEvaluationResponse")
    public static final class ErrorEvaluationResponse {
        @Schema(required = true) public String flagKey;
        @Schema(required = true) public String namespaceKey;
        @Schema(required = true, enumeration = {"UNKNOWN_ERROR_EVALUATION_REASON", "NOT_FOUND_ERROR_EVALUATION_REASON"})
        public String reason;
    }

    @Schema(name = "EvaluationResponse", description = "One item of a batch: the member named by `type` is set.")
    public static final class EvaluationResponse {
        @Schema(required = true, enumeration = {"VARIANT_EVALUATION_RESPONSE_TYPE", "BOOLEAN_EVALUATION_RESPONSE_TYPE",
                "ERROR_EVALUATION_RESPONSE_TYPE"})
        public String type;
        public BooleanEvaluationResponse booleanResponse;
        public VariantEvaluationResponse variantResponse;
        public ErrorEvaluationResponse errorResponse;
    }

    @Schema(name = "BatchEvaluationResponse")
    public static final class BatchEvaluationResponse {
        @Schema(required = true) public String requestId;
        @Schema(required = true, description = "in request order") public List<EvaluationResponse> responses;
        @Schema(required = true, format = "double") public double requestDurationMillis;
    }

    // ---- legacy: /api/v1/evaluate, /api/v1/batch-evaluate (and their /namespaces/{namespaceKey} forms) ----

    @Schema(name = "LegacyEvaluationRequest", description = "Flipt's `flipt.EvaluationRequest`.")
    public static final class LegacyEvaluationRequest {
        @Schema(description = "echoed; a UUID is made when empty") public String requestId;
        @Schema(required = true) public String flagKey;
        @Schema(required = true) public String entityId;
        public Map<String, String> context;
        @Schema(description = "on the route without a namespace; `default` when absent") public String namespaceKey;
    }

    @Schema(name = "LegacyEvaluationResponse", description = "Flipt's `flipt.EvaluationResponse`.")
    public static final class LegacyEvaluationResponse {
        @Schema(required = true) public String requestId;
        @Schema(required = true) public String entityId;
        @Schema(required = true) public Map<String, String> requestContext;
        @Schema(required = true) public boolean match;
        @Schema(required = true) public String flagKey;
        @Schema(required = true, description = "the first matched segment; deprecated, see `segmentKeys`")
        public String segmentKey;
        @Schema(required = true, format = "date-time") public String timestamp;
        @Schema(required = true, description = "the variant key; empty when none") public String value;
        @Schema(required = true, format = "double") public double requestDurationMillis;
        @Schema(required = true, description = "JSON text; empty when none") public String attachment;
        @Schema(required = true, enumeration = {"UNKNOWN_EVALUATION_REASON", "FLAG_DISABLED_EVALUATION_REASON",
                "FLAG_NOT_FOUND_EVALUATION_REASON", "MATCH_EVALUATION_REASON", "ERROR_EVALUATION_REASON",
                "DEFAULT_EVALUATION_REASON"}, description = "FLAG_NOT_FOUND and ERROR are HTTP errors instead")
        public String reason;
        @Schema(required = true, description = "as the request gave it") public String namespaceKey;
        @Schema(required = true) public List<String> segmentKeys;
    }

    @Schema(name = "LegacyBatchEvaluationRequest", description = "Flipt's `flipt.BatchEvaluationRequest`.")
    public static final class LegacyBatchEvaluationRequest {
        public String requestId;
        @Schema(description = "items without a namespace take the batch's; another namespace is a 400")
        public List<LegacyEvaluationRequest> requests;
        @Schema(description = "leave missing flags out instead of failing with 404") public boolean excludeNotFound;
        @Schema(description = "on the route without a namespace; `default` when absent") public String namespaceKey;
    }

    @Schema(name = "LegacyBatchEvaluationResponse", description = "Flipt's `flipt.BatchEvaluationResponse`.")
    public static final class LegacyBatchEvaluationResponse {
        @Schema(required = true) public String requestId;
        @Schema(required = true) public List<LegacyEvaluationResponse> responses;
        @Schema(required = true, format = "double") public double requestDurationMillis;
    }

    // ---- OFREP: /ofrep/v1 ------------------------------------------------------------------------------

    @Schema(name = "GetProviderConfigurationResponse")
    public static final class GetProviderConfigurationResponse {
        @Schema(required = true) public String name;
        @Schema(required = true) public Capabilities capabilities;
    }

    @Schema(name = "Capabilities")
    public static final class Capabilities {
        @Schema(required = true) public CacheInvalidation cacheInvalidation;
        @Schema(required = true) public FlagEvaluation flagEvaluation;
    }

    @Schema(name = "CacheInvalidation")
    public static final class CacheInvalidation {
        @Schema(required = true) public Polling polling;
    }

    @Schema(name = "Polling")
    public static final class Polling {
        @Schema(required = true) public boolean enabled;
        @Schema(required = true, format = "uint32") public int minPollingIntervalMs;
    }

    @Schema(name = "FlagEvaluation")
    public static final class FlagEvaluation {
        @Schema(required = true) public List<String> supportedTypes;
    }

    @Schema(name = "EvaluateFlagRequest", description = "The flag key is the path's.")
    public static final class EvaluateFlagRequest {
        @Schema(description = "ignored: the key is the path's") public String key;
        @Schema(description = "`targetingKey` is the entity id (a random one when absent)")
        public Map<String, String> context;
    }

    @Schema(name = "EvaluateBulkRequest")
    public static final class EvaluateBulkRequest {
        @Schema(description = "`targetingKey` is the entity id; `flags`, comma-separated keys, picks the flags "
                + "(otherwise every boolean flag and every enabled variant flag)")
        public Map<String, String> context;
    }

    @Schema(name = "EvaluatedFlag")
    public static final class EvaluatedFlag {
        @Schema(required = true) public String key;
        @Schema(required = true, enumeration = {"UNKNOWN", "DISABLED", "TARGETING_MATCH", "DEFAULT"}) public String reason;
        @Schema(required = true, description = "the variant key, or `true`/`false` for a boolean flag")
        public String variant;
        @Schema(required = true, description = "variant flags: `segments` (comma-separated) and `attachment` (JSON "
                + "text) when there are any")
        public Map<String, String> metadata;
        @Schema(required = true, implementation = GoogleProtobufValue.class) public Object value;
    }

    @Schema(name = "GoogleProtobufValue", description = "Any JSON value: the variant key (string) of a variant flag, "
            + "the value (boolean) of a boolean flag.", oneOf = {String.class, Boolean.class})
    public static final class GoogleProtobufValue {
    }

    @Schema(name = "BulkEvaluationResponse")
    public static final class BulkEvaluationResponse {
        @Schema(required = true) public List<EvaluatedFlag> flags;
    }

    @Schema(name = "OfrepErrorResponse", description = "OFREP's error body (not the `Status` of the other routes).")
    public static final class OfrepErrorResponse {
        @Schema(description = "the flag key, when known") public String key;
        @Schema(required = true, enumeration = {"FLAG_NOT_FOUND", "INVALID_CONTEXT", "GENERAL"}) public String errorCode;
        @Schema(required = true) public String errorDetails;
    }

    // ---- the client snapshot: /internal/v1/evaluation/snapshot/namespace/{key} -------------------------

    @Schema(name = "EvaluationNamespaceSnapshot", description = "A namespace for client-side evaluation. Its enum "
            + "names differ from the management API's.")
    public static final class EvaluationNamespaceSnapshot {
        @Schema(required = true) public EvaluationNamespace namespace;
        @Schema(required = true, description = "in creation order") public List<EvaluationFlag> flags;
    }

    @Schema(name = "EvaluationNamespace")
    public static final class EvaluationNamespace {
        @Schema(required = true) public String key;
    }

    @Schema(name = "EvaluationFlag")
    public static final class EvaluationFlag {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        @Schema(required = true) public String description;
        @Schema(required = true) public boolean enabled;
        @Schema(required = true, enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"}) public String type;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
        @Schema(required = true, description = "empty for boolean flags") public List<EvaluationRule> rules;
        @Schema(required = true, description = "empty for variant flags") public List<EvaluationRollout> rollouts;
        @Schema(description = "left out when none, or for clients older than 1.47.0 (x-flipt-accept-server-version)")
        public EvaluationVariant defaultVariant;
    }

    @Schema(name = "EvaluationVariant")
    public static final class EvaluationVariant {
        @Schema(required = true) public String id;
        @Schema(required = true) public String key;
        @Schema(required = true) public String attachment;
    }

    @Schema(name = "EvaluationRule")
    public static final class EvaluationRule {
        @Schema(required = true) public String id;
        @Schema(required = true) public List<EvaluationSegment> segments;
        @Schema(required = true, format = "int32") public int rank;
        @Schema(required = true, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}) public String segmentOperator;
        @Schema(required = true) public List<EvaluationDistribution> distributions;
    }

    @Schema(name = "EvaluationDistribution")
    public static final class EvaluationDistribution {
        @Schema(required = true, description = "always empty") public String id;
        @Schema(required = true, description = "always empty") public String ruleId;
        @Schema(required = true) public String variantId;
        @Schema(required = true) public String variantKey;
        @Schema(required = true) public String variantAttachment;
        @Schema(required = true, format = "float") public float rollout;
    }

    @Schema(name = "EvaluationRollout")
    public static final class EvaluationRollout {
        @Schema(required = true, enumeration = {"UNKNOWN_ROLLOUT_TYPE", "SEGMENT_ROLLOUT_TYPE", "THRESHOLD_ROLLOUT_TYPE"})
        public String type;
        @Schema(required = true, format = "int32") public int rank;
        public EvaluationRolloutSegment segment;
        public EvaluationRolloutThreshold threshold;
    }

    @Schema(name = "EvaluationRolloutSegment")
    public static final class EvaluationRolloutSegment {
        @Schema(required = true) public boolean value;
        @Schema(required = true, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}) public String segmentOperator;
        @Schema(required = true) public List<EvaluationSegment> segments;
    }

    @Schema(name = "EvaluationRolloutThreshold")
    public static final class EvaluationRolloutThreshold {
        @Schema(required = true, format = "float") public float percentage;
        @Schema(required = true) public boolean value;
    }

    @Schema(name = "EvaluationSegment", description = "`name` and `description` are always empty.")
    public static final class EvaluationSegment {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        @Schema(required = true) public String description;
        @Schema(required = true, enumeration = {"ALL_SEGMENT_MATCH_TYPE", "ANY_SEGMENT_MATCH_TYPE"}) public String matchType;
        @Schema(required = true) public List<EvaluationConstraint> constraints;
    }

    @Schema(name = "EvaluationConstraint")
    public static final class EvaluationConstraint {
        @Schema(required = true, description = "empty inside rollouts") public String id;
        @Schema(required = true, enumeration = {"UNKNOWN_CONSTRAINT_COMPARISON_TYPE", "STRING_CONSTRAINT_COMPARISON_TYPE",
                "NUMBER_CONSTRAINT_COMPARISON_TYPE", "BOOLEAN_CONSTRAINT_COMPARISON_TYPE",
                "DATETIME_CONSTRAINT_COMPARISON_TYPE", "ENTITY_ID_CONSTRAINT_COMPARISON_TYPE"},
                description = "ENTITY_ID is sent as UNKNOWN to clients older than 1.38.0")
        public String type;
        @Schema(required = true) public String property;
        @Schema(required = true) public String operator;
        @Schema(required = true) public String value;
    }

    @Schema(name = "GetFlagEvaluationsCountResponse", description = "Evaluations of a flag per time bucket")
    public static final class GetFlagEvaluationsCountResponse {
        @Schema(required = true, description = "each bucket's start, RFC 3339 UTC") public List<String> timestamps;
        @Schema(required = true, description = "evaluations in each bucket") public List<Float> values;
    }
}
