package dev.flagstaff.flags.control;

import dev.flagstaff.flags.entity.FlagType;
import dev.flagstaff.http.Validate;
import jakarta.json.JsonObject;

/**
 * {@code CreateFlagRequest}, validated in Flipt's order on construction.
 *
 * @param metadata the request's metadata object, or null when it sent none
 */
public record CreateFlag(String key, String name, String description, boolean enabled, FlagType type,
                         JsonObject metadata) {

    public CreateFlag {
        Validate.newKey(key);
        Validate.name(name);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
