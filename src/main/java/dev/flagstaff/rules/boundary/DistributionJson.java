package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.rules.entity.Distribution;

/** {@code flipt.Distribution} (contract section 2.7). */
public record DistributionJson(Distribution distribution) implements JsonWritable {

    @Override
    public void writeTo(JsonOut out) {
        out.str("id", distribution.id())
                .str("ruleId", distribution.rule().id())
                .str("variantId", distribution.variant().id())
                .float32("rollout", distribution.rollout())
                .timestampMicros("createdAt", distribution.createdAt())
                .timestampMicros("updatedAt", distribution.updatedAt());
    }
}
