package dev.flagstaff.flags.boundary;

import dev.flagstaff.http.Validate;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code UpdateFlagRequest} (contract section 3.3): name, description, enabled and the default variant are
 * replaced (an empty {@code defaultVariantId} clears it); metadata is left alone when null, cleared when {@code {}}.
 */
@Schema(name = "UpdateFlagRequest")
public record UpdateFlagRequest(
        @Schema(description = "ignored: the key is the path's") String key,
        @Schema(required = true) String name,
        String description,
        boolean enabled,
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        String namespaceKey,
        @Schema(description = "id of one of the flag's variants; empty clears the default variant")
        String defaultVariantId,
        @Schema(type = SchemaType.OBJECT, description = "any JSON object") JsonObject metadata) {

    public UpdateFlagRequest {
        Validate.name(name);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
