package dev.flagstaff.evaluation.engine;

import java.util.List;
import java.util.Objects;

/**
 * Everything needed to evaluate the flags of one namespace, as plain management data (the input of
 * {@link NamespaceSnapshot#compile(NamespaceDefinition)}).
 *
 * @param key      namespace key
 * @param flags    flags in creation order (the order OFREP bulk evaluation and the snapshot use)
 * @param segments every segment a rule or rollout refers to (other segments are allowed and ignored)
 */
public record NamespaceDefinition(String key, List<FlagDefinition> flags, List<SegmentDefinition> segments) {

    public NamespaceDefinition {
        Objects.requireNonNull(key, "key");
        flags = flags == null ? List.of() : List.copyOf(flags);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
