package dev.flagstaff.rules.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON of the rule and distribution routes as the OpenAPI document at {@code /openapi} describes it
 * (contract sections 2.6, 2.7, 3.7, 3.8), under Flipt's schema names. Nothing instantiates these classes; the
 * {@code *Json} writers write the responses and {@code JsonBody} reads the requests; {@link RulesResource}'s
 * annotations reference them.
 */
public final class RuleSchemas {

    private RuleSchemas() {
    }

    private static final String NAMESPACE = "the namespace on the routes without one in the path; `default` when absent";

    @Schema(name = "Rule", description = "A rule of a variant flag. One segment: `segmentKey` is set and "
            + "`segmentKeys` is empty; two or more: `segmentKeys` is set and `segmentKey` is empty.")
    public static final class Rule {
        @Schema(required = true) public String id;
        @Schema(required = true) public String flagKey;
        @Schema(required = true) public String segmentKey;
        @Schema(required = true, description = "in creation order") public List<Distribution> distributions;
        @Schema(required = true, format = "int32", description = "1..n, no gaps or repeats") public int rank;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
        @Schema(required = true) public String namespaceKey;
        @Schema(required = true) public List<String> segmentKeys;
        @Schema(required = true, enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"},
                description = "OR when the rule has one segment")
        public String segmentOperator;
    }

    @Schema(name = "RuleList", description = "rank ascending")
    public static final class RuleList {
        @Schema(required = true) public List<Rule> rules;
        @Schema(required = true, description = "empty on the last page") public String nextPageToken;
        @Schema(required = true, format = "int32") public int totalCount;
    }

    @Schema(name = "Distribution")
    public static final class Distribution {
        @Schema(required = true) public String id;
        @Schema(required = true) public String ruleId;
        @Schema(required = true) public String variantId;
        @Schema(required = true, format = "float", minimum = "0", maximum = "100") public float rollout;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
    }

    @Schema(name = "CreateRuleRequest")
    public static final class CreateRuleRequest {
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(description = "one segment; or use `segmentKeys`") public String segmentKey;
        @Schema(required = true, format = "int32", description = "where the rule goes: ranks from here on move "
                + "down by one; past the end appends")
        public int rank;
        @Schema(description = NAMESPACE) public String namespaceKey;
        @Schema(description = "several segments, combined by `segmentOperator`") public List<String> segmentKeys;
        @Schema(enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}, defaultValue = "OR_SEGMENT_OPERATOR")
        public String segmentOperator;
    }

    @Schema(name = "UpdateRuleRequest", description = "Changes the segments; the rank is changed by `PUT …/rules/order`.")
    public static final class UpdateRuleRequest {
        @Schema(description = "ignored: the id is the path's") public String id;
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(description = "one segment; or use `segmentKeys`") public String segmentKey;
        @Schema(description = NAMESPACE) public String namespaceKey;
        @Schema(description = "several segments, combined by `segmentOperator`") public List<String> segmentKeys;
        @Schema(enumeration = {"OR_SEGMENT_OPERATOR", "AND_SEGMENT_OPERATOR"}, defaultValue = "OR_SEGMENT_OPERATOR")
        public String segmentOperator;
    }

    @Schema(name = "OrderRulesRequest")
    public static final class OrderRulesRequest {
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(required = true, description = "every rule of the flag exactly once, in the new order")
        public List<String> ruleIds;
        @Schema(description = NAMESPACE) public String namespaceKey;
    }

    @Schema(name = "CreateDistributionRequest")
    public static final class CreateDistributionRequest {
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(description = "ignored: the rule is the path's") public String ruleId;
        @Schema(required = true, description = "a variant of the flag") public String variantId;
        @Schema(required = true, format = "float", minimum = "0", maximum = "100") public float rollout;
        @Schema(description = NAMESPACE) public String namespaceKey;
    }

    @Schema(name = "UpdateDistributionRequest")
    public static final class UpdateDistributionRequest {
        @Schema(description = "ignored: the id is the path's") public String id;
        @Schema(description = "ignored: the flag is the path's") public String flagKey;
        @Schema(description = "ignored: the rule is the path's") public String ruleId;
        @Schema(required = true, description = "a variant of the flag") public String variantId;
        @Schema(required = true, format = "float", minimum = "0", maximum = "100") public float rollout;
        @Schema(description = NAMESPACE) public String namespaceKey;
    }
}
