package dev.flagstaff.segments.boundary;

import dev.flagstaff.http.Validate;
import dev.flagstaff.segments.entity.MatchType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code UpdateSegmentRequest} (contract section 3.5): everything replaced; an omitted match type is ALL. */
@Schema(name = "UpdateSegmentRequest")
public record UpdateSegmentRequest(
        @Schema(description = "ignored: the key is the path's") String key,
        @Schema(required = true) String name,
        String description,
        @Schema(implementation = String.class, enumeration = {"ALL_MATCH_TYPE", "ANY_MATCH_TYPE"}, defaultValue = "ALL_MATCH_TYPE") MatchType matchType,
        @Schema(description = CreateConstraintRequest.NAMESPACE) String namespaceKey) {

    public UpdateSegmentRequest {
        Validate.name(name);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
