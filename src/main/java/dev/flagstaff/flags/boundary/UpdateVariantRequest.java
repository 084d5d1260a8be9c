package dev.flagstaff.flags.boundary;

import dev.flagstaff.http.JsonText;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code UpdateVariantRequest} (contract section 3.4): the same checks as {@link CreateVariantRequest}. */
@Schema(name = "UpdateVariantRequest")
public record UpdateVariantRequest(
        @Schema(description = "ignored: the id is the path's") String id,
        @Schema(description = "ignored: the flag is the path's") String flagKey,
        @Schema(required = true) String key,
        String name,
        String description,
        @Schema(description = "JSON text; stored compacted", maxLength = JsonText.MAX_ATTACHMENT_BYTES) String attachment,
        @Schema(description = "the namespace on the routes without one in the path; `default` when absent")
        String namespaceKey) {

    public UpdateVariantRequest {
        attachment = CreateVariantRequest.validated(key, name, attachment);
    }
}
