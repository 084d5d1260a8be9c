package dev.flagstaff.evaluation.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, pre-compiled view of one namespace, ready for {@link Evaluator}. Build it with
 * {@link #compile(NamespaceDefinition)}, derive the next one after a flag write with {@link #withFlag} /
 * {@link #withoutFlag}, and share it freely between threads (all state is final and never mutated after
 * construction).
 *
 * <p>Compilation does everything that does not depend on the request: rules and rollouts sorted by rank
 * (stable: equal ranks keep input order), segments resolved and compiled once per namespace, constraint
 * values parsed (float64 with Go syntax, instants, JSON arrays; an unparsable value yields a constraint that
 * never matches), distribution boundaries computed in float32 ({@code (int)(rollout * 10f)}, cumulative,
 * rollouts {@code <= 0} dropped), attachments compacted, and every possible result object pre-built.
 *
 * <p>Layout, so that evaluation costs the same in a namespace of 1 or 100,000 flags: flags are found with
 * one probe of an open-addressing table of compiled flags (hash compared before the key); the rule and
 * rollout structure is shared between flags that have the same one (so it stays in the CPU cache), and each
 * flag's own data (key, pre-built results) is allocated in one run next to its {@link CompiledFlag}.
 */
public final class NamespaceSnapshot {

    private static final int PHI = 0x9E3779B9;

    private final String namespaceKey;
    /** Open addressing, linear probing, power-of-two length, at most half full. */
    private final CompiledFlag[] table;
    /** For each occupied slot of {@link #table}, the flag's index in {@link #flags}. */
    private final int[] positions;
    private final int shift;
    /** All flags in creation order; never changed (a derived snapshot copies it). */
    private final FlagInfo[] flags;
    private final List<FlagInfo> flagList;
    /** Compiled segments, kept to compile single flags for {@link #withFlag}. */
    private final Map<String, CompiledSegment> segments;

    private NamespaceSnapshot(String namespaceKey, CompiledFlag[] table, int[] positions, FlagInfo[] flags,
                              Map<String, CompiledSegment> segments) {
        this.namespaceKey = namespaceKey;
        this.table = table;
        this.positions = positions;
        this.shift = 32 - Integer.numberOfTrailingZeros(table.length);
        this.flags = flags;
        this.flagList = Collections.unmodifiableList(Arrays.asList(flags));
        this.segments = segments;
    }

    /** A snapshot of a namespace without flags (e.g. an unknown namespace: every flag is "not found"). */
    public static NamespaceSnapshot empty(String namespaceKey) {
        return new NamespaceSnapshot(namespaceKey, new CompiledFlag[2], new int[2], new FlagInfo[0], Map.of());
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
        Compiler compiler = new Compiler(segments);
        List<CompiledFlag> compiled = new ArrayList<>(definition.flags().size());
        for (FlagDefinition f : definition.flags()) {
            compiled.add(compiler.flag(f));
        }
        return of(definition.key(), compiled, Map.copyOf(segments));
    }

    /** A snapshot of these compiled flags, in this (creation) order. */
    private static NamespaceSnapshot of(String namespaceKey, List<CompiledFlag> compiled,
                                        Map<String, CompiledSegment> segments) {
        int length = Math.max(2, Integer.highestOneBit(Math.max(1, compiled.size()) * 2 - 1) << 1);
        CompiledFlag[] table = new CompiledFlag[length];
        int[] positions = new int[length];
        int shift = 32 - Integer.numberOfTrailingZeros(length);
        FlagInfo[] infos = new FlagInfo[compiled.size()];
        for (int p = 0; p < infos.length; p++) {
            CompiledFlag f = compiled.get(p);
            int i = slot(table, shift, f.key, f.hash);
            if (table[i] != null) {
                throw new IllegalArgumentException("duplicate flag key \"" + f.key + "\"");
            }
            table[i] = f;
            positions[i] = p;
            infos[p] = f.info;
        }
        return new NamespaceSnapshot(namespaceKey, table, positions, infos, segments);
    }

    /**
     * This snapshot with one flag created or replaced (a replaced flag keeps its place in {@link #flags()}, a
     * new one comes last), compiling only that flag against this snapshot's segments: what a flag write
     * (flag, variant, rule or distribution) changes. Segment writes change what many flags see; compile those
     * with {@link #compile}. Costs a copy of the flag table and list (no hashing, no key comparisons beyond
     * the one lookup), so a write costs about the same in a namespace of 10 or 10,000 flags.
     *
     * @throws IllegalArgumentException as {@link #compile} for this flag
     */
    public NamespaceSnapshot withFlag(FlagDefinition definition) {
        CompiledFlag flag = new Compiler(segments).flag(definition);
        int at = slot(table, shift, definition.key(), flag.hash);
        if (table[at] != null) { // replaced: same slot, same place in the list
            CompiledFlag[] nextTable = table.clone();
            nextTable[at] = flag;
            FlagInfo[] nextFlags = flags.clone();
            nextFlags[positions[at]] = flag.info;
            return new NamespaceSnapshot(namespaceKey, nextTable, positions, nextFlags, segments);
        }
        FlagInfo[] nextFlags = Arrays.copyOf(flags, flags.length + 1);
        nextFlags[flags.length] = flag.info;
        if ((nextFlags.length << 1) <= table.length) {
            CompiledFlag[] nextTable = table.clone();
            int[] nextPositions = positions.clone();
            nextTable[at] = flag;
            nextPositions[at] = flags.length;
            return new NamespaceSnapshot(namespaceKey, nextTable, nextPositions, nextFlags, segments);
        }
        List<CompiledFlag> all = inOrder();
        all.add(flag);
        return of(namespaceKey, all, segments);
    }

    /** This snapshot without the flag with this key (the same snapshot when there is none). */
    public NamespaceSnapshot withoutFlag(String key) {
        int position = position(key);
        if (position < 0) {
            return this;
        }
        List<CompiledFlag> rest = inOrder();
        rest.remove(position);
        return of(namespaceKey, rest, segments);
    }

    /** The index in {@link #flags()} of the flag with this key, or {@code -1}. */
    public int position(String key) {
        int at = slot(table, shift, key, key.hashCode());
        return table[at] == null ? -1 : positions[at];
    }

    /** The compiled flags in creation order. */
    private List<CompiledFlag> inOrder() {
        CompiledFlag[] ordered = new CompiledFlag[flags.length];
        for (int i = 0; i < table.length; i++) {
            if (table[i] != null) {
                ordered[positions[i]] = table[i];
            }
        }
        return new ArrayList<>(Arrays.asList(ordered));
    }

    /** The slot holding the flag with this key, or the free slot where it belongs. */
    private static int slot(CompiledFlag[] table, int shift, String key, int hash) {
        int mask = table.length - 1;
        int i = (hash * PHI) >>> shift;
        CompiledFlag f;
        while ((f = table[i]) != null && (f.hash != hash || !f.key.equals(key))) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** The namespace key. */
    public String namespaceKey() {
        return namespaceKey;
    }

    /** All flags in creation (input) order. */
    public List<FlagInfo> flags() {
        return flagList;
    }

    /** The flag with this key, if any. */
    public Optional<FlagInfo> flag(String key) {
        CompiledFlag f = key == null ? null : compiled(key);
        return f == null ? Optional.empty() : Optional.of(f.info);
    }

    /** Number of flags. */
    public int size() {
        return flags.length;
    }

    /** The compiled flag, or {@code null}. */
    CompiledFlag compiled(String key) {
        CompiledFlag[] t = table;
        int h = key.hashCode();
        int mask = t.length - 1;
        int i = (h * PHI) >>> shift;
        CompiledFlag f;
        while ((f = t[i]) != null) {
            if (f.hash == h && f.key.equals(key)) {
                return f;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    /** Compiles flags against a namespace's segments, sharing rule structures and rollouts between flags. */
    private static final class Compiler {

        private final Map<String, CompiledSegment> segments;
        private final Map<CompiledRule.Shape, CompiledRule> rules = new HashMap<>();
        private final Map<List<CompiledRule>, VariantProgram> programs = new HashMap<>();
        private final Map<List<CompiledRollout.Shape>, CompiledRollout[]> rollouts = new HashMap<>();

        Compiler(Map<String, CompiledSegment> segments) {
            this.segments = segments;
        }

        CompiledFlag flag(FlagDefinition f) {
            Map<String, VariantDefinition> variants = new HashMap<>();
            for (VariantDefinition v : f.variants()) {
                variants.put(v.id(), v);
            }
            Map<String, String> attachments = new HashMap<>();
            VariantDefinition defaultVariant = null;
            if (f.defaultVariantId() != null) {
                defaultVariant = variants.get(f.defaultVariantId());
                if (defaultVariant == null) {
                    throw new IllegalArgumentException("flag \"" + f.key() + "\": default variant id \""
                            + f.defaultVariantId() + "\" is not a variant of the flag");
                }
            }

            // Structure first (shared, temporary objects), then the flag's own data in one allocation run.
            List<RuleDefinition> ruleDefs = new ArrayList<>(f.rules());
            ruleDefs.sort(Comparator.comparingInt(RuleDefinition::rank)); // List.sort is stable
            CompiledRule[] compiledRules = new CompiledRule[ruleDefs.size()];
            VariantDefinition[][] ruleVariants = new VariantDefinition[ruleDefs.size()][];
            for (int r = 0; r < compiledRules.length; r++) {
                RuleDefinition rule = ruleDefs.get(r);
                CompiledSegment[] segs = resolve(f, rule.segmentKeys());
                int[] boundaries = new int[rule.distributions().size()];
                VariantDefinition[] kept = new VariantDefinition[boundaries.length];
                int k = 0;
                int cumulative = 0;
                for (DistributionDefinition d : rule.distributions()) {
                    VariantDefinition v = variants.get(d.variantId());
                    if (v == null) {
                        throw new IllegalArgumentException("flag \"" + f.key() + "\", rule \"" + rule.id()
                                + "\": distribution variant id \"" + d.variantId()
                                + "\" is not a variant of the flag");
                    }
                    float rollout = d.rollout();
                    if (rollout > 0) { // "don't include 0% rollouts" (NaN is dropped too)
                        cumulative += (int) (rollout * 10f); // float32 multiply, truncation as Go's int(float32)
                        boundaries[k] = cumulative;
                        kept[k] = v;
                        k++;
                    }
                }
                int[] b = Arrays.copyOf(boundaries, k);
                compiledRules[r] = rules.computeIfAbsent(CompiledRule.Shape.of(segs, rule.segmentOperator(), b),
                        shape -> new CompiledRule(segs, rule.segmentOperator(), b));
                ruleVariants[r] = Arrays.copyOf(kept, k);
            }
            VariantProgram program = compiledRules.length == 0 ? VariantProgram.EMPTY
                    : programs.computeIfAbsent(List.of(compiledRules), list -> new VariantProgram(compiledRules));

            List<RolloutDefinition> rolloutDefs = new ArrayList<>(f.rollouts());
            rolloutDefs.sort(Comparator.comparingInt(RolloutDefinition::rank));
            List<CompiledRollout.Shape> rolloutShapes = new ArrayList<>(rolloutDefs.size());
            for (RolloutDefinition ro : rolloutDefs) {
                CompiledSegment[] segs = ro.type() == RolloutType.SEGMENT_ROLLOUT_TYPE
                        ? resolve(f, ro.segmentKeys()) : new CompiledSegment[0];
                rolloutShapes.add(new CompiledRollout.Shape(ro.type(), ro.percentage(), ro.value(),
                        List.of(segs), ro.segmentOperator() == SegmentOperator.AND_SEGMENT_OPERATOR));
            }
            CompiledRollout[] compiledRollouts = rolloutShapes.isEmpty() ? new CompiledRollout[0]
                    : rollouts.computeIfAbsent(List.copyOf(rolloutShapes), CompiledRollout::compile);
            for (VariantDefinition v : variants.values()) {
                attachments.put(v.id(), GoJson.compact(v.attachment()));
            }

            // The flag's own data. The results first (they name the flag by the definition's key); then, in
            // one run, what every evaluation of this flag reads: its key (a copy: String.equals reads it),
            // the result array and the flag itself, so that a flag that is not in the CPU cache costs a
            // few adjacent cache lines.
            boolean bool = f.type() == FlagType.BOOLEAN_FLAG_TYPE;
            String definitionKey = f.key();
            VariantEvaluation base = defaultVariant != null
                    ? new VariantEvaluation(definitionKey, false, EvaluationReason.DEFAULT_EVALUATION_REASON,
                            defaultVariant.key(), attachments.get(defaultVariant.id()), List.of())
                    : new VariantEvaluation(definitionKey, false, EvaluationReason.UNKNOWN_EVALUATION_REASON, "", "",
                            List.of());
            VariantEvaluation disabled = new VariantEvaluation(definitionKey, false,
                    EvaluationReason.FLAG_DISABLED_EVALUATION_REASON, base.variantKey(), base.variantAttachment(),
                    List.of());
            VariantEvaluation[] built = new VariantEvaluation[program.resultCount()];
            for (int r = 0; r < compiledRules.length; r++) {
                CompiledRule rule = compiledRules[r];
                VariantDefinition[] kept = ruleVariants[r];
                int at = program.offsets[r];
                for (List<String> segmentKeys : rule.groupSegmentKeys) {
                    if (kept.length == 0) {
                        built[at++] = new VariantEvaluation(definitionKey, true,
                                EvaluationReason.MATCH_EVALUATION_REASON, base.variantKey(), base.variantAttachment(),
                                segmentKeys);
                        continue;
                    }
                    for (VariantDefinition v : kept) {
                        built[at++] = new VariantEvaluation(definitionKey, true,
                                EvaluationReason.MATCH_EVALUATION_REASON, v.key(), attachments.get(v.id()),
                                segmentKeys);
                    }
                    built[at++] = new VariantEvaluation(definitionKey, false, base.reason(), base.variantKey(),
                            base.variantAttachment(), segmentKeys);
                }
            }
            BooleanEvaluation matchedTrue = bool
                    ? new BooleanEvaluation(definitionKey, true, EvaluationReason.MATCH_EVALUATION_REASON) : null;
            BooleanEvaluation matchedFalse = bool
                    ? new BooleanEvaluation(definitionKey, false, EvaluationReason.MATCH_EVALUATION_REASON) : null;
            BooleanEvaluation fallback = bool
                    ? new BooleanEvaluation(definitionKey, f.enabled(), EvaluationReason.DEFAULT_EVALUATION_REASON)
                    : null;
            byte[] keyUtf8 = Crc32.utf8(definitionKey);
            String key = new String(definitionKey.toCharArray());
            VariantEvaluation[] results = built.length == 0 ? built : built.clone();
            return new CompiledFlag(key, f.name(), f.type(), f.enabled(), program, results, base, disabled, keyUtf8,
                    compiledRollouts, matchedTrue, matchedFalse, fallback);
        }

        private CompiledSegment[] resolve(FlagDefinition f, List<String> keys) {
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
    }
}
