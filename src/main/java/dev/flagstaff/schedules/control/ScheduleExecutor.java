package dev.flagstaff.schedules.control;

import dev.flagstaff.flags.boundary.UpdateFlagRequest;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.rollouts.control.RolloutRule;
import dev.flagstaff.rollouts.control.RolloutService;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.rollouts.entity.RolloutType;
import dev.flagstaff.rules.boundary.CreateDistributionRequest;
import dev.flagstaff.rules.boundary.UpdateDistributionRequest;
import dev.flagstaff.rules.control.RuleService;
import dev.flagstaff.rules.entity.Distribution;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.schedules.boundary.Change;
import dev.flagstaff.schedules.boundary.ChangeDistribution;
import dev.flagstaff.schedules.entity.ScheduleState;
import dev.flagstaff.schedules.entity.ScheduledChange;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one due schedule, exactly once among all instances that share the database. In one transaction:
 * the namespace's write lock (taken first, as every write takes it), then the claim
 * {@code UPDATE scheduled_changes SET state = 'DONE' … WHERE id = ? AND state = 'PENDING'}, then the change
 * through the same service method a manual write uses ({@link FlagService#update}, {@link RolloutService#update},
 * {@link RuleService}'s distribution methods), so everything that watches writes (snapshots, and whatever else
 * observes the services) sees it. A second instance that tries the same schedule waits for the first one's
 * commit and then updates no row. The change and its DONE commit together; when the change is refused
 * (an {@link ApiException}, e.g. its rule was deleted) everything rolls back and {@link #fail} records why.
 */
@Stateless
public class ScheduleExecutor {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    NamespaceService namespaces;

    @Inject
    FlagService flags;

    @Inject
    RolloutService rollouts;

    @Inject
    RuleService rules;

    /** Ids of pending schedules whose time has come, earliest first, at most {@code max}. */
    public List<String> due(long nowMicros, int max) {
        return em.createQuery("SELECT s.id FROM ScheduledChange s WHERE s.state = :pending AND s.runAt <= :now "
                        + "ORDER BY s.runAt, s.id", String.class)
                .setParameter("pending", ScheduleState.PENDING)
                .setParameter("now", nowMicros)
                .setMaxResults(max)
                .getResultList();
    }

    /** When the earliest pending schedule is due, or null when none is pending. */
    public Long nextPendingAt() {
        return em.createQuery("SELECT MIN(s.runAt) FROM ScheduledChange s WHERE s.state = :pending", Long.class)
                .setParameter("pending", ScheduleState.PENDING)
                .getSingleResult();
    }

    /**
     * Claims and applies the schedule; null when it is no longer pending (run by another instance, or
     * deleted), otherwise the schedule as it ran. An {@link ApiException} from the change rolls everything
     * back and comes out unchanged.
     */
    public ScheduledChange run(String id) {
        ScheduledChange schedule = em.find(ScheduledChange.class, id);
        if (schedule == null || schedule.state() != ScheduleState.PENDING) {
            return null;
        }
        namespaces.lockForWrite(schedule.namespaceKey(), schedule.flagKey());
        int claimed = em.createQuery("UPDATE ScheduledChange s SET s.state = :done, s.executedAt = :now "
                        + "WHERE s.id = :id AND s.state = :pending")
                .setParameter("done", ScheduleState.DONE)
                .setParameter("now", Timestamps.nowMicros())
                .setParameter("id", id)
                .setParameter("pending", ScheduleState.PENDING)
                .executeUpdate();
        if (claimed == 0) {
            context.setRollbackOnly(); // nothing of ours to keep, not even the revision bump
            return null;
        }
        apply(schedule.namespaceKey(), schedule.flagKey(), Change.fromJson(schedule.changeBody()));
        return schedule;
    }

    /** Records that the schedule could not be applied; null when it is no longer pending. */
    public ScheduledChange fail(String id, String reason) {
        int updated = em.createQuery("UPDATE ScheduledChange s SET s.state = :failed, s.executedAt = :now, "
                        + "s.reason = :reason WHERE s.id = :id AND s.state = :pending")
                .setParameter("failed", ScheduleState.FAILED)
                .setParameter("now", Timestamps.nowMicros())
                .setParameter("reason", reason)
                .setParameter("id", id)
                .setParameter("pending", ScheduleState.PENDING)
                .executeUpdate();
        return updated == 1 ? em.find(ScheduledChange.class, id) : null;
    }

    private void apply(String namespace, String flagKey, Change change) {
        switch (change.type()) {
            case ENABLE -> updateFlag(namespace, flagKey, true, null);
            case DISABLE -> updateFlag(namespace, flagKey, false, null);
            case SET_DEFAULT_VARIANT -> updateFlag(namespace, flagKey, null, change.variantId());
            case SET_ROLLOUT_THRESHOLD -> {
                Rollout rollout = rollouts.get(namespace, change.rolloutId());
                if (!rollout.flagKey().equals(flagKey)) {
                    throw ApiException.notFound("rollout", namespace + "/" + change.rolloutId());
                }
                if (rollout.type() != RolloutType.THRESHOLD_ROLLOUT_TYPE) {
                    throw ApiException.invalid("rollout \"" + change.rolloutId() + "\" is not a threshold rollout");
                }
                rollouts.update(namespace, flagKey, rollout.id(), rollout.description(),
                        new RolloutRule.Threshold(change.percentage(), rollout.value()));
            }
            case SET_RULE_DISTRIBUTIONS -> setDistributions(namespace, flagKey, change);
            default -> throw ApiException.invalid("unknown change type " + change.type());
        }
    }

    /**
     * The flag as it is now with {@code enabled} or the default variant replaced; everything else as it is.
     * A default variant deleted since the schedule was made is refused by {@link FlagService#update}.
     */
    private void updateFlag(String namespace, String flagKey, Boolean enabled, String defaultVariantId) {
        Flag flag = flags.get(namespace, flagKey);
        flags.update(namespace, flagKey, new UpdateFlagRequest(flagKey, flag.name(), flag.description(),
                enabled == null ? flag.enabled() : enabled, namespace,
                defaultVariantId == null ? flag.defaultVariantId() : defaultVariantId, null));
    }

    /** Makes the rule's distributions exactly the change's: updated in place, created, or deleted. */
    private void setDistributions(String namespace, String flagKey, Change change) {
        Rule rule = rules.get(namespace, change.ruleId());
        if (!rule.flagKey().equals(flagKey)) {
            throw ApiException.notFound("rule", namespace + "/" + change.ruleId());
        }
        Map<String, Distribution> existing = new HashMap<>();
        for (Distribution d : rule.distributions()) {
            existing.put(d.variant().id(), d);
        }
        for (Distribution d : List.copyOf(rule.distributions())) {
            boolean kept = change.distributions().stream().anyMatch(c -> c.variantId().equals(d.variant().id()));
            if (!kept) {
                rules.deleteDistribution(namespace, flagKey, rule.id(), d.id(), d.variant().id());
            }
        }
        for (ChangeDistribution wanted : change.distributions()) {
            Distribution current = existing.get(wanted.variantId());
            if (current != null) {
                rules.updateDistribution(namespace, flagKey, rule.id(), current.id(), new UpdateDistributionRequest(
                        current.id(), flagKey, rule.id(), wanted.variantId(), wanted.rollout(), namespace));
            } else {
                rules.createDistribution(namespace, flagKey, rule.id(), new CreateDistributionRequest(
                        flagKey, rule.id(), wanted.variantId(), wanted.rollout(), namespace));
            }
        }
    }
}
