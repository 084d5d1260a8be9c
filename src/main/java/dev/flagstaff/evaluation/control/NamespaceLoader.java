package dev.flagstaff.evaluation.control;

import dev.flagstaff.evaluation.engine.ConstraintDefinition;
import dev.flagstaff.evaluation.engine.ConstraintType;
import dev.flagstaff.evaluation.engine.DistributionDefinition;
import dev.flagstaff.evaluation.engine.FlagDefinition;
import dev.flagstaff.evaluation.engine.FlagType;
import dev.flagstaff.evaluation.engine.MatchType;
import dev.flagstaff.evaluation.engine.NamespaceDefinition;
import dev.flagstaff.evaluation.engine.RolloutDefinition;
import dev.flagstaff.evaluation.engine.RolloutType;
import dev.flagstaff.evaluation.engine.RuleDefinition;
import dev.flagstaff.evaluation.engine.SegmentDefinition;
import dev.flagstaff.evaluation.engine.SegmentOperator;
import dev.flagstaff.evaluation.engine.VariantDefinition;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.rules.entity.Distribution;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.segments.entity.Constraint;
import dev.flagstaff.segments.entity.Segment;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.rollouts.control.RolloutService;
import dev.flagstaff.rules.control.RuleService;
import dev.flagstaff.segments.control.SegmentService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one namespace from the database in a handful of queries (the services' own: {@code all(namespace)}
 * of flags, segments, rules and rollouts) and turns it into what evaluation needs: the engine's definitions
 * and the client-SDK snapshot document (contract section 9.5). This is the only place evaluation touches the
 * database; it runs when a snapshot is (re)built, never per evaluation.
 */
@Stateless
public class NamespaceLoader {

    @Inject
    NamespaceService namespaces;

    @Inject
    FlagService flags;

    @Inject
    SegmentService segments;

    @Inject
    RuleService rules;

    @Inject
    RolloutService rollouts;

    /**
     * What one load produced. {@code flagDocuments} are the flags' entries of the snapshot document for the
     * newest clients, by key in the document's order; {@code revision} the namespace's revision the data
     * belongs to ({@code -1} when the namespace does not exist).
     */
    public record Loaded(long revision, NamespaceDefinition definition, Map<String, JsonObject> flagDocuments) {

        public boolean exists() {
            return revision >= 0;
        }
    }

    /** One flag as a snapshot update needs it: the engine's definition and its entry of the snapshot document. */
    public record LoadedFlag(FlagDefinition definition, JsonObject document) {
    }

    /**
     * Some flags of a namespace read after a write to them: those that exist, by key (a key asked for and
     * missing here was deleted), and the namespace's revision ({@code -1} when it does not exist).
     */
    public record LoadedFlags(long revision, Map<String, LoadedFlag> flags) {
    }

    /** The current revision of each of {@code namespaces} that exists. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Map<String, Long> revisions(java.util.Collection<String> namespaces) {
        return this.namespaces.revisions(namespaces);
    }

    /**
     * Reads the namespace through the capabilities' services, all in one transaction of its own: it is
     * called after another transaction committed (from an {@code AFTER_SUCCESS} observer), when that one
     * can no longer be joined.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Loaded load(String namespace) {
        long revision = namespaces.revisions(List.of(namespace)).getOrDefault(namespace, -1L);
        List<Flag> flags = this.flags.all(namespace);
        List<Segment> segments = this.segments.all(namespace);
        List<Rule> rules = this.rules.all(namespace);
        List<Rollout> rollouts = this.rollouts.all(namespace);

        Map<String, List<Rule>> rulesByFlag = new LinkedHashMap<>();
        rules.forEach(r -> rulesByFlag.computeIfAbsent(r.flag().id(), k -> new ArrayList<>()).add(r));
        Map<String, List<Rollout>> rolloutsByFlag = new LinkedHashMap<>();
        rollouts.forEach(r -> rolloutsByFlag.computeIfAbsent(r.flag().id(), k -> new ArrayList<>()).add(r));

        List<FlagDefinition> flagDefinitions = new ArrayList<>(flags.size());
        Map<String, JsonObject> flagDocuments = new LinkedHashMap<>();
        for (Flag flag : flags) {
            List<Rule> flagRules = rulesByFlag.getOrDefault(flag.id(), List.of());
            List<Rollout> flagRollouts = rolloutsByFlag.getOrDefault(flag.id(), List.of());
            flagDefinitions.add(definition(flag, flagRules, flagRollouts));
            flagDocuments.put(flag.key(), document(flag, flagRules, flagRollouts));
        }
        NamespaceDefinition definition = new NamespaceDefinition(namespace, flagDefinitions,
                segments.stream().map(NamespaceLoader::definition).toList());
        return new Loaded(revision, definition, flagDocuments);
    }

    /**
     * Reads only the flags with these keys (with their variants, rules and rollouts) and the namespace's
     * revision, in one transaction of its own (as {@link #load}): what a write to those flags changed. The
     * queries are restricted to those flag keys, whatever the size of the namespace.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public LoadedFlags loadFlags(String namespace, Collection<String> keys) {
        long revision = namespaces.revisions(List.of(namespace)).getOrDefault(namespace, -1L);
        List<Flag> flags = this.flags.withKeys(namespace, keys);
        Map<String, LoadedFlag> out = new LinkedHashMap<>();
        if (!flags.isEmpty()) {
            List<String> ids = flags.stream().map(Flag::id).toList();
            Map<String, List<Rule>> rulesByFlag = new LinkedHashMap<>();
            rules.ofFlags(namespace, ids)
                    .forEach(r -> rulesByFlag.computeIfAbsent(r.flag().id(), k -> new ArrayList<>()).add(r));
            Map<String, List<Rollout>> rolloutsByFlag = new LinkedHashMap<>();
            rollouts.ofFlags(namespace, ids)
                    .forEach(r -> rolloutsByFlag.computeIfAbsent(r.flag().id(), k -> new ArrayList<>()).add(r));
            for (Flag flag : flags) {
                List<Rule> flagRules = rulesByFlag.getOrDefault(flag.id(), List.of());
                List<Rollout> flagRollouts = rolloutsByFlag.getOrDefault(flag.id(), List.of());
                out.put(flag.key(), new LoadedFlag(definition(flag, flagRules, flagRollouts),
                        document(flag, flagRules, flagRollouts)));
            }
        }
        return new LoadedFlags(revision, out);
    }

    // ---- engine definitions --------------------------------------------------------------------------

    private static FlagDefinition definition(Flag flag, List<Rule> rules, List<Rollout> rollouts) {
        return new FlagDefinition(flag.key(), flag.name(), FlagType.valueOf(flag.type().name()), flag.enabled(),
                flag.variants().stream().map(v -> new VariantDefinition(v.id(), v.key(), v.attachment())).toList(),
                flag.defaultVariantId(),
                rules.stream().map(NamespaceLoader::definition).toList(),
                rollouts.stream().map(NamespaceLoader::definition).toList());
    }

    private static RuleDefinition definition(Rule rule) {
        return new RuleDefinition(rule.id(), rule.rank(), rule.segments().stream().map(Segment::key).toList(),
                SegmentOperator.valueOf(rule.segmentOperator().name()),
                rule.distributions().stream()
                        .map(d -> new DistributionDefinition(d.variant().id(), d.rollout())).toList());
    }

    private static RolloutDefinition definition(Rollout rollout) {
        return new RolloutDefinition(rollout.rank(), RolloutType.valueOf(rollout.type().name()), rollout.percentage(),
                rollout.value(), rollout.segments().stream().map(Segment::key).toList(),
                SegmentOperator.valueOf(rollout.segmentOperator().name()));
    }

    private static SegmentDefinition definition(Segment segment) {
        return new SegmentDefinition(segment.key(), MatchType.valueOf(segment.matchType().name()),
                segment.constraints().stream().map(c -> new ConstraintDefinition(
                        ConstraintType.valueOf(c.type().name()), c.property(), c.operator(), c.value())).toList());
    }

    // ---- the client snapshot document (contract 9.5) --------------------------------------------------

    private static JsonObject document(Flag flag, List<Rule> rules, List<Rollout> rollouts) {
        JsonArrayBuilder ruleDocuments = JsonP.PROVIDER.createArrayBuilder();
        for (Rule rule : rules) {
            JsonArrayBuilder distributions = JsonP.PROVIDER.createArrayBuilder();
            for (Distribution d : rule.distributions()) {
                Variant variant = d.variant();
                distributions.add(JsonP.PROVIDER.createObjectBuilder()
                        .add("id", "").add("ruleId", "")
                        .add("variantId", variant.id()).add("variantKey", variant.key())
                        .add("variantAttachment", variant.attachment())
                        .add("rollout", Messages.float32Number(d.rollout())));
            }
            ruleDocuments.add(JsonP.PROVIDER.createObjectBuilder()
                    .add("id", rule.id())
                    .add("segments", segments(rule.segments(), true))
                    .add("rank", rule.rank())
                    .add("segmentOperator", rule.segmentOperator().name())
                    .add("distributions", distributions));
        }
        JsonArrayBuilder rolloutDocuments = JsonP.PROVIDER.createArrayBuilder();
        for (Rollout rollout : rollouts) {
            JsonObjectBuilder item = JsonP.PROVIDER.createObjectBuilder()
                    .add("type", rollout.type().name())
                    .add("rank", rollout.rank());
            if (rollout.type() == dev.flagstaff.rollouts.entity.RolloutType.THRESHOLD_ROLLOUT_TYPE) {
                item.add("threshold", JsonP.PROVIDER.createObjectBuilder()
                        .add("percentage", Messages.float32Number(rollout.percentage()))
                        .add("value", rollout.value()));
            } else {
                item.add("segment", JsonP.PROVIDER.createObjectBuilder()
                        .add("value", rollout.value())
                        .add("segmentOperator", rollout.segmentOperator().name())
                        .add("segments", segments(rollout.segments(), false)));
            }
            rolloutDocuments.add(item);
        }
        JsonObjectBuilder document = JsonP.PROVIDER.createObjectBuilder()
                .add("key", flag.key())
                .add("name", flag.name())
                .add("description", flag.description())
                .add("enabled", flag.enabled())
                .add("type", flag.type().name())
                .add("createdAt", Timestamps.formatMicros(flag.createdAt()))
                .add("updatedAt", Timestamps.formatMicros(flag.updatedAt()))
                .add("rules", ruleDocuments)
                .add("rollouts", rolloutDocuments);
        flag.defaultVariant().ifPresent(v -> document.add("defaultVariant", JsonP.PROVIDER.createObjectBuilder()
                .add("id", v.id()).add("key", v.key()).add("attachment", v.attachment())));
        return document.build();
    }

    /** Segments inlined the way the snapshot carries them: no name, description or timestamps. */
    private static JsonArrayBuilder segments(List<Segment> segments, boolean constraintIds) {
        JsonArrayBuilder out = JsonP.PROVIDER.createArrayBuilder();
        for (Segment segment : segments) {
            JsonArrayBuilder constraints = JsonP.PROVIDER.createArrayBuilder();
            for (Constraint c : segment.constraints()) {
                constraints.add(JsonP.PROVIDER.createObjectBuilder()
                        .add("id", constraintIds ? c.id() : "")
                        .add("type", SnapshotDocuments.constraintType(c.type().name()))
                        .add("property", c.property())
                        .add("operator", c.operator())
                        .add("value", c.value()));
            }
            out.add(JsonP.PROVIDER.createObjectBuilder()
                    .add("key", segment.key())
                    .add("name", "")
                    .add("description", "")
                    .add("matchType", SnapshotDocuments.matchType(segment.matchType().name()))
                    .add("constraints", constraints));
        }
        return out;
    }
}
