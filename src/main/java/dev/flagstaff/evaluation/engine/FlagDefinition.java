package dev.flagstaff.evaluation.engine;

import java.util.List;
import java.util.Objects;

/**
 * A flag as stored by the management API.
 *
 * @param key              flag key
 * @param name             display name (carried into {@link FlagInfo}; not used by evaluation)
 * @param type             variant or boolean
 * @param enabled          for variant flags: disabled flags evaluate to {@code FLAG_DISABLED};
 *                         for boolean flags: only the fallback value when no rollout matches
 * @param variants         the flag's variants (any order)
 * @param defaultVariantId id of the default variant, or {@code null} (an empty string also means none)
 * @param rules            variant-flag rules, any order (compiled in rank order, ties keep this order)
 * @param rollouts         boolean-flag rollouts, any order (compiled in rank order, ties keep this order)
 */
public record FlagDefinition(
        String key,
        String name,
        FlagType type,
        boolean enabled,
        List<VariantDefinition> variants,
        String defaultVariantId,
        List<RuleDefinition> rules,
        List<RolloutDefinition> rollouts) {

    public FlagDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name;
        variants = variants == null ? List.of() : List.copyOf(variants);
        defaultVariantId = defaultVariantId == null || defaultVariantId.isEmpty() ? null : defaultVariantId;
        rules = rules == null ? List.of() : List.copyOf(rules);
        rollouts = rollouts == null ? List.of() : List.copyOf(rollouts);
    }

    /** A variant flag. */
    public static FlagDefinition variantFlag(String key, String name, boolean enabled, List<VariantDefinition> variants,
                                             String defaultVariantId, List<RuleDefinition> rules) {
        return new FlagDefinition(key, name, FlagType.VARIANT_FLAG_TYPE, enabled, variants, defaultVariantId, rules,
                List.of());
    }

    /** A boolean flag. */
    public static FlagDefinition booleanFlag(String key, String name, boolean enabled,
                                             List<RolloutDefinition> rollouts) {
        return new FlagDefinition(key, name, FlagType.BOOLEAN_FLAG_TYPE, enabled, List.of(), null, List.of(),
                rollouts);
    }
}
