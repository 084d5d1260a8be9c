package dev.flagstaff.flags.boundary;

import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;

/** {@code flipt.Variant} (contract section 2.3). */
public record VariantJson(Variant variant) implements JsonWritable {

    @Override
    public void writeTo(JsonOut out) {
        out.str("id", variant.id())
                .str("flagKey", variant.flagKey())
                .str("key", variant.key())
                .str("name", variant.name())
                .str("description", variant.description())
                .timestampMicros("createdAt", variant.createdAt())
                .timestampMicros("updatedAt", variant.updatedAt())
                .str("attachment", variant.attachment())
                .str("namespaceKey", variant.namespaceKey());
    }
}
