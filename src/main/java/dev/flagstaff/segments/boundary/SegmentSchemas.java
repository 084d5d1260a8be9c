package dev.flagstaff.segments.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The JSON of the segment and constraint routes as the OpenAPI document at {@code /openapi} describes it
 * (contract sections 2.4, 2.5, 3.5, 3.6), under Flipt's schema names. Nothing instantiates these classes; the
 * {@code *Json} writers write the responses and {@code JsonBody} reads the requests; {@link SegmentsResource}'s
 * annotations reference them.
 */
public final class SegmentSchemas {

    private SegmentSchemas() {
    }

    static final String ALL_MATCH_TYPE = "ALL_MATCH_TYPE";
    private static final String NAMESPACE = "the namespace on the routes without one in the path; `default` when absent";
    private static final String OPERATORS = "lower-case; by type: STRING eq, neq, empty, notempty, prefix, suffix, "
            + "contains, notcontains, isoneof, isnotoneof; NUMBER eq, neq, lt, lte, gt, gte, present, notpresent, "
            + "isoneof, isnotoneof; BOOLEAN true, false, present, notpresent; DATETIME eq, neq, lt, lte, gt, gte, "
            + "present, notpresent; ENTITY_ID (property `entityId`) eq, neq, contains, notcontains, isoneof, "
            + "isnotoneof";

    @Schema(name = "Segment")
    public static final class Segment {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        @Schema(required = true) public String description;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
        @Schema(required = true, description = "in creation order") public List<Constraint> constraints;
        @Schema(required = true, enumeration = {"ALL_MATCH_TYPE", "ANY_MATCH_TYPE"}) public String matchType;
        @Schema(required = true) public String namespaceKey;
    }

    @Schema(name = "SegmentList")
    public static final class SegmentList {
        @Schema(required = true) public List<Segment> segments;
        @Schema(required = true, description = "empty on the last page") public String nextPageToken;
        @Schema(required = true, format = "int32") public int totalCount;
    }

    @Schema(name = "Constraint")
    public static final class Constraint {
        @Schema(required = true) public String id;
        @Schema(required = true) public String segmentKey;
        @Schema(required = true, enumeration = {"UNKNOWN_COMPARISON_TYPE", "STRING_COMPARISON_TYPE",
                "NUMBER_COMPARISON_TYPE", "BOOLEAN_COMPARISON_TYPE", "DATETIME_COMPARISON_TYPE",
                "ENTITY_ID_COMPARISON_TYPE"})
        public String type;
        @Schema(required = true) public String property;
        @Schema(required = true, description = OPERATORS) public String operator;
        @Schema(required = true, description = "empty for operators that take no value") public String value;
        @Schema(required = true, format = "date-time") public String createdAt;
        @Schema(required = true, format = "date-time") public String updatedAt;
        @Schema(required = true) public String namespaceKey;
        @Schema(required = true) public String description;
    }

    @Schema(name = "CreateSegmentRequest")
    public static final class CreateSegmentRequest {
        @Schema(required = true) public String key;
        @Schema(required = true) public String name;
        public String description;
        @Schema(enumeration = {"ALL_MATCH_TYPE", "ANY_MATCH_TYPE"}, defaultValue = ALL_MATCH_TYPE) public String matchType;
        @Schema(description = NAMESPACE) public String namespaceKey;
    }

    @Schema(name = "UpdateSegmentRequest")
    public static final class UpdateSegmentRequest {
        @Schema(description = "ignored: the key is the path's") public String key;
        @Schema(required = true) public String name;
        public String description;
        @Schema(enumeration = {"ALL_MATCH_TYPE", "ANY_MATCH_TYPE"}, defaultValue = ALL_MATCH_TYPE) public String matchType;
        @Schema(description = NAMESPACE) public String namespaceKey;
    }

    @Schema(name = "CreateConstraintRequest")
    public static final class CreateConstraintRequest {
        @Schema(description = "ignored: the segment is the path's") public String segmentKey;
        @Schema(required = true, enumeration = {"UNKNOWN_COMPARISON_TYPE", "STRING_COMPARISON_TYPE",
                "NUMBER_COMPARISON_TYPE", "BOOLEAN_COMPARISON_TYPE", "DATETIME_COMPARISON_TYPE",
                "ENTITY_ID_COMPARISON_TYPE"}, description = "UNKNOWN_COMPARISON_TYPE is refused")
        public String type;
        @Schema(required = true) public String property;
        @Schema(required = true, description = OPERATORS) public String operator;
        public String value;
        @Schema(description = NAMESPACE) public String namespaceKey;
        public String description;
    }

    @Schema(name = "UpdateConstraintRequest")
    public static final class UpdateConstraintRequest {
        @Schema(description = "ignored: the id is the path's") public String id;
        @Schema(description = "ignored: the segment is the path's") public String segmentKey;
        @Schema(required = true, enumeration = {"UNKNOWN_COMPARISON_TYPE", "STRING_COMPARISON_TYPE",
                "NUMBER_COMPARISON_TYPE", "BOOLEAN_COMPARISON_TYPE", "DATETIME_COMPARISON_TYPE",
                "ENTITY_ID_COMPARISON_TYPE"}, description = "UNKNOWN_COMPARISON_TYPE is refused")
        public String type;
        @Schema(required = true) public String property;
        @Schema(required = true, description = OPERATORS) public String operator;
        public String value;
        @Schema(description = NAMESPACE) public String namespaceKey;
        public String description;
    }
}
