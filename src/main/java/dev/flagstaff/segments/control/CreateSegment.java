package dev.flagstaff.segments.control;

import dev.flagstaff.http.Validate;
import dev.flagstaff.segments.entity.MatchType;

/** {@code CreateSegmentRequest}, validated in Flipt's order on construction. */
public record CreateSegment(String key, String name, String description, MatchType matchType) {

    public CreateSegment {
        Validate.newKey(key);
        Validate.name(name);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
