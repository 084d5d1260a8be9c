package dev.flagstaff.flags.control;

import dev.flagstaff.http.Validate;
import jakarta.json.JsonObject;

/**
 * {@code UpdateFlagRequest}: name, description, enabled and the default variant are replaced (an empty
 * {@code defaultVariantId} clears it); metadata is left alone when null, cleared when {@code {}}.
 */
public record UpdateFlag(String name, String description, boolean enabled, String defaultVariantId,
                         JsonObject metadata) {

    public UpdateFlag {
        Validate.name(name);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
