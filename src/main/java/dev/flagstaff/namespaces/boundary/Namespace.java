package dev.flagstaff.namespaces.boundary;

import dev.flagstaff.http.Timestamps;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** {@code flipt.Namespace} (contract section 2.1). */
@Schema(name = "Namespace")
public record Namespace(
        @Schema(required = true) String key,
        @Schema(required = true) String name,
        @Schema(required = true) String description,
        @Schema(name = "protected", required = true, description = "true only for `default`") boolean isProtected,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt) {

    public static Namespace of(dev.flagstaff.namespaces.entity.Namespace namespace) {
        return new Namespace(namespace.key(), namespace.name(), namespace.description(), namespace.isProtected(),
                Timestamps.fromMicros(namespace.createdAt()), Timestamps.fromMicros(namespace.updatedAt()));
    }
}
