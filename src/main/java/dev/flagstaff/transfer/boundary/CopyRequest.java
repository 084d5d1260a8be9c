package dev.flagstaff.transfer.boundary;

import dev.flagstaff.http.Validate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where {@code POST …/copy} puts the copy: a namespace and a key, each defaulting to the source's. */
@Schema(name = "CopyRequest")
public record CopyRequest(
        @Schema(description = "the target namespace; the source's when absent") String namespaceKey,
        @Schema(description = "the copy's key; the source's when absent") String key) {

    public CopyRequest {
        if (key != null && !key.isEmpty()) {
            Validate.newKey(key);
            Validate.maxLength("key", key, Validate.MAX_KEY_LENGTH);
        }
    }

    String namespaceOr(String source) {
        return namespaceKey == null || namespaceKey.isEmpty() ? source : namespaceKey;
    }

    String keyOr(String source) {
        return key == null || key.isEmpty() ? source : key;
    }
}
