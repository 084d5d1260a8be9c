package dev.flagstaff.namespaces.boundary;

import dev.flagstaff.http.Validate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code CreateNamespaceRequest} (contract section 3.2), validated in Flipt's order on construction. */
@Schema(name = "CreateNamespaceRequest")
public record CreateNamespaceRequest(
        @Schema(required = true) String key,
        @Schema(required = true) String name,
        String description) {

    public CreateNamespaceRequest {
        Validate.newKey(key);
        Validate.name(name);
        Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
