package dev.flagstaff.transfer.control;

import dev.flagstaff.flags.boundary.CreateFlagRequest;
import dev.flagstaff.flags.boundary.CreateVariantRequest;
import dev.flagstaff.flags.boundary.UpdateFlagRequest;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.FlagType;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.boundary.CreateNamespaceRequest;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.rollouts.control.RolloutRule;
import dev.flagstaff.rollouts.control.RolloutService;
import dev.flagstaff.rules.boundary.CreateDistributionRequest;
import dev.flagstaff.rules.boundary.CreateRuleRequest;
import dev.flagstaff.rules.control.RuleService;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.segments.boundary.CreateConstraintRequest;
import dev.flagstaff.segments.boundary.CreateSegmentRequest;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.ComparisonType;
import dev.flagstaff.segments.entity.MatchType;
import dev.flagstaff.segments.entity.SegmentOperator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Imports Flipt documents the way {@code flipt import} does ({@code internal/ext/importer.go} of Flipt v1.59.3):
 * flags with their variants (and the default variant from version 1.3), then segments with their constraints, then
 * each flag's rules with their distributions (ranks implicit from version 1.1) and rollouts (from 1.1; several
 * segment keys from 1.2). Every write goes through the capability's own service, so it is checked and recorded as
 * the API's writes are, and all of one import is one transaction: the first thing that fails rolls everything back
 * and answers a 400 (or the service's own status) naming the line and the key.
 */
@Stateless
public class Importer {

    /** The versions of the document format Flipt v1.59.3 reads. */
    static final List<String> SUPPORTED = List.of("1.0", "1.1", "1.2", "1.3", "1.4");

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

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

    /** What an import did. */
    public record Outcome(String namespaceKey, List<String> flags, List<String> segments, List<String> skippedFlags,
                          List<String> skippedSegments) {
    }

    /**
     * Imports one document into the existing namespace {@code namespace}, whatever namespace the document names.
     *
     * @param skipExisting as {@code flipt import --skip-existing}: flags and segments whose key exists are left
     *                     as they are (a skipped flag's rules and rollouts too); otherwise such a key fails the import
     */
    public Outcome importInto(String namespace, FliptDocument document, boolean skipExisting) {
        namespaces.get(namespace);
        return write(namespace, document, version(document.version(), document.line()), skipExisting);
    }

    /**
     * The start-up import of one document of a file: into the namespace it names ({@code default} when none),
     * created when missing, and only when that namespace has no flags and no segments; null when it was left alone.
     */
    public Outcome importIfEmpty(FliptDocument document, String version) {
        String namespace = document.namespace() == null || document.namespace().key().isEmpty()
                ? "default" : document.namespace().key();
        if (em.find(dev.flagstaff.namespaces.entity.Namespace.class, namespace) == null) {
            FliptDocument.Namespace ns = document.namespace();
            String name = ns == null || ns.name().isEmpty() ? namespace : ns.name();
            at(document.line(), "namespace " + GoQuote.quote(namespace), () -> namespaces.create(
                    new CreateNamespaceRequest(namespace, name, ns == null ? "" : ns.description())));
        }
        namespaces.lockForWrite(namespace); // waits for another instance importing the same namespace
        if (!existing(namespace, "Flag").isEmpty() || !existing(namespace, "Segment").isEmpty()) {
            return null;
        }
        return write(namespace, document, version(version, document.line()), false);
    }

    /** {@code version} checked as Flipt checks it (semver, tolerant of {@code v} and missing parts); "" is 1.4. */
    static int version(String version, int line) {
        if (version == null || version.isEmpty()) {
            return SUPPORTED.size() - 1;
        }
        String v = version.startsWith("v") ? version.substring(1) : version;
        String[] parts = v.split("\\.", -1);
        if (parts.length <= 3 && parts[0].equals("1")
                && (parts.length < 2 || parts[1].matches("[0-4]"))
                && (parts.length < 3 || parts[2].equals("0"))) {
            return parts.length < 2 ? 0 : Integer.parseInt(parts[1]);
        }
        throw ApiException.invalid("line " + line + ": unsupported version: " + version);
    }

    private Outcome write(String ns, FliptDocument doc, int minor, boolean skipExisting) {
        Set<String> existingFlags = skipExisting ? existing(ns, "Flag") : Set.of();
        Set<String> existingSegments = skipExisting ? existing(ns, "Segment") : Set.of();
        List<String> created = new ArrayList<>();
        List<String> skippedFlags = new ArrayList<>();
        Map<String, String> variantIds = new HashMap<>();

        for (FliptDocument.Flag f : doc.flags()) {
            if (existingFlags.contains(f.key())) {
                skippedFlags.add(f.key());
                continue;
            }
            String what = "flag " + GoQuote.quote(f.key());
            FlagType type = FlagType.VARIANT_FLAG_TYPE; // Flipt's zero value
            if (!f.type().isEmpty()) {
                supported(f.line(), "flag.type", 1, minor);
                type = enumValue(FlagType.class, f.type(), f.line(), what, "type");
            }
            FlagType flagType = type;
            Flag flag = at(f.line(), what, () -> flags.create(ns, new CreateFlagRequest(f.key(), f.name(),
                    f.description(), f.enabled(), null, flagType, f.metadata())));
            tick();
            String defaultVariantId = null;
            for (FliptDocument.Variant v : f.variants()) {
                String variantWhat = what + " variant " + GoQuote.quote(v.key());
                String attachment = v.attachment() == null ? "" : v.attachment().toString();
                Variant variant = at(v.line(), variantWhat, () -> flags.createVariant(ns, f.key(),
                        new CreateVariantRequest(null, v.key(), v.name(), v.description(), attachment, null)));
                tick();
                if (v.isDefault()) {
                    supported(v.line(), "variant.default", 3, minor);
                    defaultVariantId = variant.id();
                }
                variantIds.put(f.key() + "\u0000" + v.key(), variant.id());
            }
            if (defaultVariantId != null) {
                String id = defaultVariantId;
                at(f.line(), what, () -> flags.update(ns, f.key(), new UpdateFlagRequest(null, flag.name(),
                        flag.description(), flag.enabled(), null, id, null)));
            }
            created.add(f.key());
        }

        List<String> createdSegments = new ArrayList<>();
        List<String> skippedSegments = new ArrayList<>();
        for (FliptDocument.Segment s : doc.segments()) {
            if (existingSegments.contains(s.key())) {
                skippedSegments.add(s.key());
                continue;
            }
            String what = "segment " + GoQuote.quote(s.key());
            MatchType matchType = s.matchType().isEmpty() ? MatchType.ALL_MATCH_TYPE
                    : enumValue(MatchType.class, s.matchType(), s.line(), what, "match_type");
            at(s.line(), what, () -> segments.create(ns, new CreateSegmentRequest(s.key(), s.name(), s.description(),
                    matchType, null)));
            tick();
            for (FliptDocument.Constraint c : s.constraints()) {
                ComparisonType type = c.type().isEmpty() ? ComparisonType.UNKNOWN_COMPARISON_TYPE
                        : enumValue(ComparisonType.class, c.type(), c.line(), what + " constraint", "type");
                at(c.line(), what + " constraint " + GoQuote.quote(c.property()), () -> segments.createConstraint(ns,
                        s.key(), new CreateConstraintRequest(null, type, c.property(), c.operator(), c.value(), null,
                                c.description())));
                tick();
            }
            createdSegments.add(s.key());
        }

        for (FliptDocument.Flag f : doc.flags()) {
            if (existingFlags.contains(f.key())) {
                continue;
            }
            String what = "flag " + GoQuote.quote(f.key());
            for (int i = 0; i < f.rules().size(); i++) {
                FliptDocument.Rule r = f.rules().get(i);
                String ruleWhat = what + " rule " + (i + 1);
                long rank = r.rank() == 0 && minor >= 1 ? i + 1 : r.rank();
                SegmentOperator operator = r.operator().isEmpty() ? SegmentOperator.OR_SEGMENT_OPERATOR
                        : enumValue(SegmentOperator.class, r.operator(), r.line(), ruleWhat, "segment.operator");
                Rule rule = at(r.line(), ruleWhat, () -> rules.create(ns, f.key(), new CreateRuleRequest(null,
                        r.segmentKey(), (int) rank, null, r.segmentKeys(), operator)));
                for (FliptDocument.Distribution d : r.distributions()) {
                    String variantId = variantIds.get(f.key() + "\u0000" + d.variant());
                    if (variantId == null) {
                        throw ApiException.invalid("line " + d.line() + ": " + ruleWhat + ": finding variant: "
                                + d.variant() + "; flag: " + f.key());
                    }
                    at(d.line(), ruleWhat + " distribution " + GoQuote.quote(d.variant()), () ->
                            rules.createDistribution(ns, f.key(), rule.id(), new CreateDistributionRequest(null, null,
                                    variantId, d.rollout(), null)));
                }
            }
            if (!f.rollouts().isEmpty()) {
                supported(f.rollouts().get(0).line(), "flag.rollouts", 1, minor);
            }
            for (int i = 0; i < f.rollouts().size(); i++) {
                FliptDocument.Rollout r = f.rollouts().get(i);
                String rolloutWhat = "rollout " + GoQuote.quote(ns + "/" + f.key() + "/" + i);
                int rank = i + 1;
                if (r.segment() != null && r.threshold() != null) {
                    throw ApiException.invalid("line " + r.line() + ": " + rolloutWhat
                            + " cannot have both segment and percentage rule");
                }
                RolloutRule rule;
                if (r.segment() != null) {
                    FliptDocument.RolloutSegment s = r.segment();
                    if (!s.keys().isEmpty() && !s.key().isEmpty()) {
                        throw ApiException.invalid("line " + s.line() + ": " + rolloutWhat
                                + " cannot have both segment.keys and segment.key");
                    }
                    if (!s.keys().isEmpty()) {
                        supported(s.line(), "flag.rollouts[*].segment.keys", 2, minor);
                    }
                    SegmentOperator operator = s.operator().isEmpty() ? SegmentOperator.OR_SEGMENT_OPERATOR
                            : enumValue(SegmentOperator.class, s.operator(), s.line(), rolloutWhat, "segment.operator");
                    rule = at(s.line(), rolloutWhat, () -> new RolloutRule.Segments(s.key(), s.keys(), operator,
                            s.value()));
                } else if (r.threshold() != null) {
                    FliptDocument.Threshold t = r.threshold();
                    rule = at(t.line(), rolloutWhat, () -> new RolloutRule.Threshold(t.percentage(), t.value()));
                } else {
                    throw ApiException.invalid("line " + r.line() + ": " + rolloutWhat + ": rollout rule is missing");
                }
                at(r.line(), rolloutWhat, () -> rollouts.create(ns, f.key(), rank, r.description(), rule));
            }
        }
        return new Outcome(ns, created, createdSegments, skippedFlags, skippedSegments);
    }

    /** Keys of the namespace's flags or segments. */
    private Set<String> existing(String namespace, String entity) {
        return new HashSet<>(em.createQuery("SELECT x.key FROM " + entity + " x WHERE x.namespaceKey = :ns",
                String.class).setParameter("ns", namespace).getResultList());
    }

    /** Flipt's check that a field is known to the document's version. */
    private static void supported(int line, String field, int sinceMinor, int minor) {
        if (minor < sinceMinor) {
            throw ApiException.invalid("line " + line + ": " + field + " is supported in version >=1." + sinceMinor
                    + ", found 1." + minor);
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name, int line, String what, String field) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(name)) {
                return value;
            }
        }
        throw ApiException.invalid("line " + line + ": " + what + ": invalid field " + field + ": "
                + GoQuote.quote(name) + " is not one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** Runs one step; its error gets the line and the element in front of its message, status unchanged. */
    private static <T> T at(int line, String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (ApiException e) {
            throw new ApiException(e.code(), "line " + line + ": " + what + ": " + e.getMessage());
        }
    }

    /**
     * Waits for the clock to pass the microsecond of the row just written: flags, variants, segments and
     * constraints are listed by creation time, so each gets its own, and a re-export lists them in the
     * document's order.
     */
    private static void tick() {
        long now = Timestamps.nowMicros();
        while (Timestamps.nowMicros() == now) {
            Thread.onSpinWait();
        }
    }
}
