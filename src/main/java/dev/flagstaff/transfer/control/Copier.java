package dev.flagstaff.transfer.control;

import dev.flagstaff.flags.boundary.CreateFlagRequest;
import dev.flagstaff.flags.boundary.CreateVariantRequest;
import dev.flagstaff.flags.boundary.UpdateFlagRequest;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.rollouts.control.RolloutRule;
import dev.flagstaff.rollouts.control.RolloutService;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.rollouts.entity.RolloutType;
import dev.flagstaff.rules.boundary.CreateDistributionRequest;
import dev.flagstaff.rules.boundary.CreateRuleRequest;
import dev.flagstaff.rules.control.RuleService;
import dev.flagstaff.rules.entity.Distribution;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.segments.boundary.CreateConstraintRequest;
import dev.flagstaff.segments.boundary.CreateSegmentRequest;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.Constraint;
import dev.flagstaff.segments.entity.Segment;
import dev.flagstaff.http.Timestamps;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies a flag or a segment to another namespace (or under another key), as Flipt's UI offers "Copy to
 * namespace", but on the server and in one transaction. A flag comes with its variants, default variant, rules with
 * their distributions, and rollouts; the segments its rules and rollouts use are copied along when the target has no
 * segment of that key, and the target's own segment of that key is used when it has one. Every write goes through
 * the capability's service, so a copy is checked (a taken key is Flipt's 400 {@code … is not unique}) and recorded
 * like any other write.
 */
@Stateless
public class Copier {

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

    /** The new flag, variants loaded. */
    public Flag copyFlag(String namespace, String key, String targetNamespace, String targetKey) {
        Flag source = flags.get(namespace, key);
        namespaces.get(targetNamespace);
        List<Rule> sourceRules = em.createQuery("SELECT r FROM Rule r WHERE r.flag.id = :id "
                + "ORDER BY r.rank, r.createdAt, r.id", Rule.class).setParameter("id", source.id()).getResultList();
        List<Rollout> sourceRollouts = em.createQuery("SELECT r FROM Rollout r WHERE r.flag.id = :id "
                + "ORDER BY r.rank, r.createdAt, r.id", Rollout.class).setParameter("id", source.id()).getResultList();
        // read everything first: the writes below lock and flush, and the source may be in the target namespace
        List<Variant> sourceVariants = List.copyOf(source.variants());
        sourceRules.forEach(r -> {
            r.segments().size();
            r.distributions().forEach(d -> d.variant().id());
        });
        sourceRollouts.forEach(r -> r.segments().size());

        Flag copy = flags.create(targetNamespace, new CreateFlagRequest(targetKey, source.name(), source.description(),
                source.enabled(), null, source.type(), metadata(source.metadata())));
        Map<String, String> variantIds = new HashMap<>();
        String defaultVariantId = null;
        for (Variant variant : sourceVariants) {
            Variant created = flags.createVariant(targetNamespace, targetKey, new CreateVariantRequest(null,
                    variant.key(), variant.name(), variant.description(), variant.attachment(), null));
            variantIds.put(variant.id(), created.id());
            if (variant.id().equals(source.defaultVariantId())) {
                defaultVariantId = created.id();
            }
            tick();
        }
        if (defaultVariantId != null) {
            flags.update(targetNamespace, targetKey, new UpdateFlagRequest(null, copy.name(), copy.description(),
                    copy.enabled(), null, defaultVariantId, null));
        }
        Set<String> ensured = new HashSet<>();
        int rank = 1;
        for (Rule rule : sourceRules) {
            List<String> keys = ensureSegments(namespace, targetNamespace, rule.segments(), ensured);
            Rule created = rules.create(targetNamespace, targetKey, new CreateRuleRequest(null, null, rank++, null, keys,
                    rule.segmentOperator()));
            for (Distribution distribution : rule.distributions()) {
                rules.createDistribution(targetNamespace, targetKey, created.id(), new CreateDistributionRequest(null,
                        null, variantIds.get(distribution.variant().id()), distribution.rollout(), null));
            }
        }
        rank = 1;
        for (Rollout rollout : sourceRollouts) {
            RolloutRule rule;
            if (rollout.type() == RolloutType.SEGMENT_ROLLOUT_TYPE) {
                rule = new RolloutRule.Segments(null, ensureSegments(namespace, targetNamespace, rollout.segments(),
                        ensured), rollout.segmentOperator(), rollout.value());
            } else {
                rule = new RolloutRule.Threshold(rollout.percentage(), rollout.value());
            }
            rollouts.create(targetNamespace, targetKey, rank++, rollout.description(), rule);
        }
        return flags.get(targetNamespace, targetKey);
    }

    /** The new segment, constraints loaded. */
    public Segment copySegment(String namespace, String key, String targetNamespace, String targetKey) {
        Segment source = segments.get(namespace, key);
        namespaces.get(targetNamespace);
        copy(source, targetNamespace, targetKey);
        return segments.get(targetNamespace, targetKey);
    }

    /** The keys of {@code used} in the target, each segment copied there first when the target has none of that key. */
    private List<String> ensureSegments(String namespace, String targetNamespace, List<Segment> used,
                                        Set<String> ensured) {
        List<String> keys = new ArrayList<>();
        for (Segment segment : used) {
            if (ensured.add(segment.key()) && !namespace.equals(targetNamespace) && !exists(targetNamespace,
                    segment.key())) {
                copy(segment, targetNamespace, segment.key());
            }
            keys.add(segment.key());
        }
        return keys;
    }

    private void copy(Segment source, String targetNamespace, String targetKey) {
        List<Constraint> constraints = List.copyOf(source.constraints());
        segments.create(targetNamespace, new CreateSegmentRequest(targetKey, source.name(), source.description(),
                source.matchType(), null));
        for (Constraint c : constraints) {
            tick();
            segments.createConstraint(targetNamespace, targetKey, new CreateConstraintRequest(null, c.type(),
                    c.property(), c.operator(), c.value(), null, c.description()));
        }
        tick();
    }

    private boolean exists(String namespace, String segmentKey) {
        return !em.createQuery("SELECT s.id FROM Segment s WHERE s.namespaceKey = :ns AND s.key = :key", String.class)
                .setParameter("ns", namespace).setParameter("key", segmentKey).getResultList().isEmpty();
    }

    private static JsonObject metadata(String stored) {
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(stored))) {
            return reader.readObject();
        }
    }

    /** As {@link Importer}: rows listed by creation time each get their own microsecond, so order is kept. */
    private static void tick() {
        long now = Timestamps.nowMicros();
        while (Timestamps.nowMicros() == now) {
            Thread.onSpinWait();
        }
    }
}
