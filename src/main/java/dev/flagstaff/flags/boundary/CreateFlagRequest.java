package dev.flagstaff.flags.boundary;

import dev.flagstaff.flags.entity.FlagType;
import dev.flagstaff.http.Validate;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code CreateFlagRequest} (contract section 3.3), validated in Flipt's order on construction.
 *
 * @param metadata the request's metadata object, or null when it sent none
 */
@Schema(name = "CreateFlagRequest")
public record CreateFlagRequest(
        @Schema(required = true) String key,
        @Schema(required = true) String name,
        String description,
        boolean enabled,
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        String namespaceKey,
        @Schema(implementation = String.class, enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"}, defaultValue = "VARIANT_FLAG_TYPE")
        FlagType type,
        @Schema(type = SchemaType.OBJECT, description = "any JSON object") JsonObject metadata) {

    public CreateFlagRequest {
        Validate.newKey(key);
        Validate.name(name);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
