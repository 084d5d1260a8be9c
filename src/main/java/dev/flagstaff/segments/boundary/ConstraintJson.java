package dev.flagstaff.segments.boundary;

import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.segments.entity.Constraint;

/** {@code flipt.Constraint} (contract section 2.5). */
public record ConstraintJson(Constraint constraint) implements JsonWritable {

    @Override
    public void writeTo(JsonOut out) {
        out.str("id", constraint.id())
                .str("segmentKey", constraint.segmentKey())
                .enumName("type", constraint.type())
                .str("property", constraint.property())
                .str("operator", constraint.operator())
                .str("value", constraint.value())
                .timestampMicros("createdAt", constraint.createdAt())
                .timestampMicros("updatedAt", constraint.updatedAt())
                .str("namespaceKey", constraint.namespaceKey())
                .str("description", constraint.description());
    }
}
