package dev.flagstaff.rollouts.control;

import dev.flagstaff.audit.control.AuditTrail;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.control.Ranks;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Precondition;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.Segment;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.persistence.Listing;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.UUID;

/**
 * Rollouts of boolean flags (contract section 3.9). Writes lock the flag's row first; ranks are unique per
 * flag, closed up after a delete, and an order names every rollout once.
 */
@Stateless
public class RolloutService {

    @Inject
    AuditTrail audit;

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    NamespaceService namespaces;

    @Inject
    FlagService flags;

    @Inject
    SegmentService segments;

    @Inject
    Ranks ranks;

    public Page.Slice<Rollout> list(String namespace, String flagKey, Page page) {
        return Listing.page(
                em.createQuery("SELECT r FROM Rollout r WHERE r.namespaceKey = :ns AND r.flag.key = :flag "
                                + "ORDER BY r.rank, r.createdAt, r.id", Rollout.class)
                        .setParameter("ns", namespace)
                        .setParameter("flag", flagKey),
                em.createQuery("SELECT COUNT(r) FROM Rollout r WHERE r.namespaceKey = :ns AND r.flag.key = :flag",
                                Long.class)
                        .setParameter("ns", namespace)
                        .setParameter("flag", flagKey),
                page, Rollout::id, RolloutService::load);
    }

    /** Every rollout of the namespace, by flag rank order, segments loaded (for the evaluation snapshot). */
    public List<Rollout> all(String namespace) {
        List<Rollout> rollouts = em.createQuery("SELECT r FROM Rollout r WHERE r.namespaceKey = :ns "
                        + "ORDER BY r.rank, r.createdAt, r.id", Rollout.class)
                .setParameter("ns", namespace)
                .setHint("eclipselink.batch", "r.segments")
                .getResultList();
        rollouts.forEach(RolloutService::load);
        return rollouts;
    }

    /**
     * The rollouts of these flags (by id) of the namespace, by rank, loaded (for a snapshot update). By the
     * flags' ids, so the database reads them through the index on {@code flag_id} whatever the size of the
     * namespace (by flag key it joined the flags and scanned the namespace's rollouts).
     */
    public List<Rollout> ofFlags(String namespace, java.util.Collection<String> flagIds) {
        List<Rollout> found = em.createQuery("SELECT r FROM Rollout r WHERE r.flag.id IN :ids AND r.namespaceKey = :ns "
                        + "ORDER BY r.rank, r.createdAt, r.id", Rollout.class)
                .setParameter("ids", flagIds)
                .setParameter("ns", namespace)
                .setHint("eclipselink.batch", "r.segments")
                .getResultList();
        found.forEach(RolloutService::load);
        return found;
    }

    /** A rollout by id within the namespace. */
    public Rollout get(String namespace, String id) {
        Rollout rollout = em.find(Rollout.class, id);
        if (rollout == null || !rollout.namespaceKey().equals(namespace)) {
            throw rolloutNotFound(namespace, id);
        }
        return load(rollout);
    }

    public Rollout create(String namespace, String flagKey, int rank, String description, RolloutRule rule) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        List<Rollout> rollouts = flag == null ? List.of() : ranks.ranked(flag, Rollout.class);
        if (rollouts.stream().anyMatch(r -> r.rank() == rank)) {
            throw ApiException.invalid("rank number: " + rank + " already exists");
        }
        if (flag == null) {
            throw ApiException.notFound("flag", namespace + "/" + flagKey);
        }
        String id = UUID.randomUUID().toString();
        long now = Timestamps.nowMicros();
        Rollout rollout = rule instanceof RolloutRule.Segments s
                ? Rollout.segment(id, flag, rank, description, segments(namespace, flagKey, s), s.operator(),
                        s.value(), now)
                : Rollout.threshold(id, flag, rank, description, ((RolloutRule.Threshold) rule).percentage(),
                        ((RolloutRule.Threshold) rule).value(), now);
        em.persist(rollout);
        audit.created("rollout", namespace, flagKey, dev.flagstaff.rollouts.boundary.Rollout.of(load(rollout)));
        return rollout;
    }

    public Rollout update(String namespace, String flagKey, String id, String description, RolloutRule rule) {
        return update(namespace, flagKey, id, description, rule, Precondition.none());
    }

    /** Updates the rollout if {@code ifMatch} holds for it once the namespace and flag are locked. */
    public Rollout update(String namespace, String flagKey, String id, String description, RolloutRule rule,
                          Precondition<Rollout> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        Rollout rollout = flag == null ? null : findRollout(flag, id);
        if (rollout == null) {
            throw rolloutNotFound(namespace, id);
        }
        ifMatch.check(load(rollout), "rollout", namespace + "/" + flagKey + "/" + id);
        if (rollout.type() != rule.type()) {
            throw ApiException.invalid("cannot change type of rollout: have " + GoQuote.quote(rollout.type().name())
                    + " attempted " + GoQuote.quote(rule.type().name()));
        }
        long now = Timestamps.nowMicros();
        var before = dev.flagstaff.rollouts.boundary.Rollout.of(load(rollout));
        if (rule instanceof RolloutRule.Segments s) {
            rollout.updateSegment(description, segments(namespace, flagKey, s), s.operator(), s.value(), now);
        } else if (rule instanceof RolloutRule.Threshold t) {
            rollout.updateThreshold(description, t.percentage(), t.value(), now);
        }
        audit.updated("rollout", namespace, flagKey, before, dev.flagstaff.rollouts.boundary.Rollout.of(load(rollout)));
        return load(rollout);
    }

    /** Deletes a rollout and ranks the rest 1..n again; idempotent. */
    public void delete(String namespace, String flagKey, String id) {
        delete(namespace, flagKey, id, Precondition.none());
    }

    /** Deletes the rollout if {@code ifMatch} holds for it (a missing rollout fails any If-Match). */
    public void delete(String namespace, String flagKey, String id, Precondition<Rollout> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        Rollout rollout = flag == null ? null : findRollout(flag, id);
        ifMatch.check(rollout == null ? null : load(rollout), "rollout", namespace + "/" + flagKey + "/" + id);
        if (rollout != null) {
            var before = dev.flagstaff.rollouts.boundary.Rollout.of(load(rollout));
            ranks.removeAndClose(flag, rollout, Rollout.class);
            audit.deleted("rollout", namespace, flagKey, before);
        }
    }

    /** Ranks the flag's rollouts in the order of {@code rolloutIds}, which must name every one of them once. */
    public void order(String namespace, String flagKey, List<String> rolloutIds) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = flags.lock(namespace, flagKey);
        if (flag == null) {
            throw ApiException.notFound("flag", namespace + "/" + flagKey);
        }
        List<String> before = ranks.ranked(flag, Rollout.class).stream().map(Rollout::id).toList();
        ranks.order(flag, Rollout.class, "rolloutIds", rolloutIds);
        audit.updated("rollout", namespace, flagKey, AuditTrail.order(flagKey, "rolloutIds", before),
                AuditTrail.order(flagKey, "rolloutIds", rolloutIds));
    }

    /** The rollout's segments, locked; a missing one is Flipt's (oddly quoted) 404. */
    private List<Segment> segments(String namespace, String flagKey,
                                          RolloutRule.Segments rule) {
        return segments.lockAll(namespace, rule.segmentKeys(), missing -> ApiException.notFound(
                "flag \"" + namespace + "/" + flagKey + " or segment " + missing + "\" not found"));
    }

    private Rollout findRollout(Flag flag, String id) {
        Rollout rollout = em.find(Rollout.class, id);
        return rollout != null && rollout.flag().id().equals(flag.id()) ? rollout : null;
    }

    private static ApiException rolloutNotFound(String namespace, String id) {
        return ApiException.notFound("rollout", namespace + "/" + id);
    }

    private static Rollout load(Rollout rollout) {
        rollout.segments().size();
        return rollout;
    }
}
