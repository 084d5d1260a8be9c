package dev.flagstaff.flags.boundary;

import dev.flagstaff.http.JsonText;
import dev.flagstaff.http.Validate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code CreateVariantRequest} (contract section 3.4). Variant keys are not pattern-checked (Flipt does not); the
 * attachment must be JSON text and is kept compacted.
 */
@Schema(name = "CreateVariantRequest")
public record CreateVariantRequest(
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(required = true) String key,
        String name,
        String description,
        @Schema(description = "JSON text; stored compacted", maxLength = JsonText.MAX_ATTACHMENT_BYTES) String attachment,
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        String namespaceKey) {

    public CreateVariantRequest {
        attachment = validated(key, name, attachment);
    }

    /** The checks of a variant's fields (create and update alike); returns the attachment compacted. */
    static String validated(String key, String name, String attachment) {
        Validate.notEmpty("key", key);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
        return JsonText.attachment(attachment);
    }
}
