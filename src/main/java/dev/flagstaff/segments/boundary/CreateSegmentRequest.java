package dev.flagstaff.segments.boundary;

import dev.flagstaff.http.Validate;
import dev.flagstaff.segments.entity.MatchType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code CreateSegmentRequest} (contract section 3.5), validated in Flipt's order on construction. */
@Schema(name = "CreateSegmentRequest")
public record CreateSegmentRequest(
        @Schema(required = true) String key,
        @Schema(required = true) String name,
        String description,
        @Schema(implementation = String.class, enumeration = {"ALL_MATCH_TYPE", "ANY_MATCH_TYPE"}, defaultValue = "ALL_MATCH_TYPE") MatchType matchType,
        @Schema(description = CreateConstraintRequest.NAMESPACE) String namespaceKey) {

    public CreateSegmentRequest {
        Validate.newKey(key);
        Validate.name(name);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
