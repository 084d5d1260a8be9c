package dev.flagstaff.evaluation.engine;

import java.util.Objects;

/**
 * A variant of a variant flag.
 *
 * @param id         variant id (referenced by distributions and the default variant)
 * @param key        variant key (the evaluation value)
 * @param attachment JSON text or {@code ""}; compacted at compile time (whitespace outside strings removed)
 */
public record VariantDefinition(String id, String key, String attachment) {

    public VariantDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
        attachment = attachment == null ? "" : attachment;
    }
}
