package dev.flagstaff.namespaces.boundary;

import dev.flagstaff.http.Validate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code UpdateNamespaceRequest} (contract section 3.2): name and description are replaced. */
@Schema(name = "UpdateNamespaceRequest")
public record UpdateNamespaceRequest(
        @Schema(description = "ignored: the key is the path's") String key,
        @Schema(required = true) String name,
        String description) {

    public UpdateNamespaceRequest {
        Validate.name(name);
        Validate.maxLength("name", name, Validate.MAX_KEY_LENGTH);
    }
}
