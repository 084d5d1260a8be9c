package dev.flagstaff.flags.boundary;

import dev.flagstaff.http.Timestamps;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** {@code flipt.Variant} (contract section 2.3). */
@Schema(name = "Variant")
public record Variant(
        @Schema(required = true) String id,
        @Schema(required = true) String flagKey,
        @Schema(required = true) String key,
        @Schema(required = true) String name,
        @Schema(required = true) String description,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true, description = "JSON text, compacted; empty when none") String attachment,
        @Schema(required = true) String namespaceKey) {

    public static Variant of(dev.flagstaff.flags.entity.Variant variant) {
        return new Variant(variant.id(), variant.flagKey(), variant.key(), variant.name(), variant.description(),
                Timestamps.fromMicros(variant.createdAt()), Timestamps.fromMicros(variant.updatedAt()),
                variant.attachment(), variant.namespaceKey());
    }
}
