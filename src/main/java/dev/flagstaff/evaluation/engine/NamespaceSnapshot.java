package dev.flagstaff.evaluation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, pre-compiled view of one namespace, ready for {@link Evaluator}. Build it once per change
 * with {@link #compile(NamespaceDefinition)} and share it freely between threads (all state is final and
 * never mutated after construction). Flag lookup is a hash-map get.
 *
 * <p>Compilation does everything that does not depend on the request: rules and rollouts sorted by rank
 * (stable: equal ranks keep input order), segments resolved and compiled once per namespace, constraint
 * values parsed (float64 with Go syntax, instants, JSON arrays; an unparsable value yields a constraint that
 * never matches), distribution boundaries computed in float32 ({@code (int)(rollout * 10f)}, cumulative,
 * rollouts {@code <= 0} dropped), attachments compacted, and every possible result object pre-built.
 */
public final class NamespaceSnapshot {

    private final String namespaceKey;
    private final Map<String, CompiledFlag> flagsByKey;
    private final List<FlagInfo> flags;

    private NamespaceSnapshot(String namespaceKey, Map<String, CompiledFlag> flagsByKey, List<FlagInfo> flags) {
        this.namespaceKey = namespaceKey;
        this.flagsByKey = flagsByKey;
        this.flags = flags;
    }

    /** A snapshot of a namespace without flags (e.g. an unknown namespace: every flag is "not found"). */
    public static NamespaceSnapshot empty(String namespaceKey) {
        return new NamespaceSnapshot(namespaceKey, Map.of(), List.of());
    }

    /**
     * Compiles a namespace.
     *
     * @throws IllegalArgumentException on referential errors that the management API makes impossible:
     *     duplicate flag or segment keys, a rule/rollout naming an unknown segment, a distribution or default
     *     variant naming a variant id the flag does not have
     */
    public static NamespaceSnapshot compile(NamespaceDefinition definition) {
        Map<String, CompiledSegment> segments = new HashMap<>();
        for (SegmentDefinition s : definition.segments()) {
            if (segments.put(s.key(), new CompiledSegment(s)) != null) {
                throw new IllegalArgumentException("duplicate segment key \"" + s.key() + "\"");
            }
        }
        Map<String, CompiledFlag> byKey = new HashMap<>(Math.max(16, definition.flags().size() * 2));
        List<FlagInfo> infos = new ArrayList<>(definition.flags().size());
        for (FlagDefinition f : definition.flags()) {
            CompiledFlag compiled = compileFlag(f, segments);
            if (byKey.put(f.key(), compiled) != null) {
                throw new IllegalArgumentException("duplicate flag key \"" + f.key() + "\"");
            }
            infos.add(compiled.info);
        }
        return new NamespaceSnapshot(definition.key(), byKey, List.copyOf(infos));
    }

    private static CompiledFlag compileFlag(FlagDefinition f, Map<String, CompiledSegment> segments) {
        Map<String, VariantDefinition> variants = new HashMap<>();
        for (VariantDefinition v : f.variants()) {
            variants.put(v.id(), v);
        }
        VariantEvaluation base;
        if (f.defaultVariantId() != null) {
            VariantDefinition dv = variants.get(f.defaultVariantId());
            if (dv == null) {
                throw new IllegalArgumentException("flag \"" + f.key() + "\": default variant id \""
                        + f.defaultVariantId() + "\" is not a variant of the flag");
            }
            base = new VariantEvaluation(f.key(), false, EvaluationReason.DEFAULT_EVALUATION_REASON, dv.key(),
                    GoJson.compact(dv.attachment()), List.of());
        } else {
            base = new VariantEvaluation(f.key(), false, EvaluationReason.UNKNOWN_EVALUATION_REASON, "", "",
                    List.of());
        }

        List<RuleDefinition> ruleDefs = new ArrayList<>(f.rules());
        ruleDefs.sort(Comparator.comparingInt(RuleDefinition::rank)); // List.sort is stable
        CompiledRule[] rules = new CompiledRule[ruleDefs.size()];
        for (int r = 0; r < rules.length; r++) {
            RuleDefinition rule = ruleDefs.get(r);
            CompiledSegment[] segs = resolve(f, rule.segmentKeys(), segments);
            int[] boundaries = new int[rule.distributions().size()];
            String[] keys = new String[boundaries.length];
            String[] attachments = new String[boundaries.length];
            int k = 0;
            int cumulative = 0;
            for (DistributionDefinition d : rule.distributions()) {
                VariantDefinition v = variants.get(d.variantId());
                if (v == null) {
                    throw new IllegalArgumentException("flag \"" + f.key() + "\", rule \"" + rule.id()
                            + "\": distribution variant id \"" + d.variantId() + "\" is not a variant of the flag");
                }
                float rollout = d.rollout();
                if (rollout > 0) { // "don't include 0% rollouts" (NaN is dropped too)
                    cumulative += (int) (rollout * 10f); // float32 multiply, truncation as Go's int(float32)
                    boundaries[k] = cumulative;
                    keys[k] = v.key();
                    attachments[k] = GoJson.compact(v.attachment());
                    k++;
                }
            }
            rules[r] = new CompiledRule(f.key(), segs, rule.segmentOperator(), Arrays.copyOf(boundaries, k),
                    Arrays.copyOf(keys, k), Arrays.copyOf(attachments, k), base);
        }

        List<RolloutDefinition> rolloutDefs = new ArrayList<>(f.rollouts());
        rolloutDefs.sort(Comparator.comparingInt(RolloutDefinition::rank));
        CompiledRollout[] rollouts = new CompiledRollout[rolloutDefs.size()];
        for (int r = 0; r < rollouts.length; r++) {
            RolloutDefinition ro = rolloutDefs.get(r);
            CompiledSegment[] segs = ro.type() == RolloutType.SEGMENT_ROLLOUT_TYPE
                    ? resolve(f, ro.segmentKeys(), segments) : new CompiledSegment[0];
            rollouts[r] = new CompiledRollout(ro.type(), ro.percentage(), ro.value(), segs, ro.segmentOperator());
        }
        return new CompiledFlag(f, base, rules, rollouts);
    }

    private static CompiledSegment[] resolve(FlagDefinition f, List<String> keys,
                                             Map<String, CompiledSegment> segments) {
        CompiledSegment[] out = new CompiledSegment[keys.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = segments.get(keys.get(i));
            if (out[i] == null) {
                throw new IllegalArgumentException("flag \"" + f.key() + "\" refers to unknown segment \""
                        + keys.get(i) + "\"");
            }
        }
        return out;
    }

    /** The namespace key. */
    public String namespaceKey() {
        return namespaceKey;
    }

    /** All flags in creation (input) order. */
    public List<FlagInfo> flags() {
        return flags;
    }

    /** The flag with this key, if any. */
    public Optional<FlagInfo> flag(String key) {
        CompiledFlag f = key == null ? null : flagsByKey.get(key);
        return f == null ? Optional.empty() : Optional.of(f.info);
    }

    /** Number of flags. */
    public int size() {
        return flags.size();
    }

    /** The compiled flag, or {@code null}. */
    CompiledFlag compiled(String key) {
        return flagsByKey.get(key);
    }
}
