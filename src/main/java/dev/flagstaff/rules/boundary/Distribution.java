package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.Timestamps;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** {@code flipt.Distribution} (contract section 2.7). */
@Schema(name = "Distribution")
public record Distribution(
        @Schema(required = true) String id,
        @Schema(required = true) String ruleId,
        @Schema(required = true) String variantId,
        @Schema(required = true, format = "float", minimum = "0", maximum = "100") float rollout,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt) {

    public static Distribution of(dev.flagstaff.rules.entity.Distribution distribution) {
        return new Distribution(distribution.id(), distribution.rule().id(), distribution.variant().id(),
                distribution.rollout(), Timestamps.fromMicros(distribution.createdAt()),
                Timestamps.fromMicros(distribution.updatedAt()));
    }
}
