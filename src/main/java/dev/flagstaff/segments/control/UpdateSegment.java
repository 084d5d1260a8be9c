package dev.flagstaff.segments.control;

import dev.flagstaff.http.Validate;
import dev.flagstaff.segments.entity.MatchType;

/** {@code UpdateSegmentRequest}: everything replaced; an omitted match type is ALL. */
public record UpdateSegment(String name, String description, MatchType matchType) {

    public UpdateSegment {
        Validate.name(name);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
