package dev.flagstaff.flags.control;

import dev.flagstaff.http.JsonText;
import dev.flagstaff.http.Validate;

/**
 * The body of {@code CreateVariantRequest} and {@code UpdateVariantRequest}. Variant keys are not
 * pattern-checked (Flipt does not); the attachment must be JSON text and is kept compacted.
 */
public record VariantFields(String key, String name, String description, String attachment) {

    public VariantFields {
        Validate.notEmpty("key", key);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
        attachment = JsonText.attachment(attachment);
    }
}
