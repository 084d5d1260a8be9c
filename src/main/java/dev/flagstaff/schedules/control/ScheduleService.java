package dev.flagstaff.schedules.control;

import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.persistence.Listing;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.rollouts.entity.RolloutType;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.schedules.boundary.Change;
import dev.flagstaff.schedules.boundary.ChangeDistribution;
import dev.flagstaff.schedules.boundary.CreateScheduleRequest;
import dev.flagstaff.schedules.entity.ScheduledChange;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.UUID;

/**
 * Scheduled changes of a flag: create (checked against the flag as it is now), list, read, delete. Running them
 * is {@link ScheduleExecutor}'s. Each business method is one container-managed JTA transaction.
 */
@Stateless
public class ScheduleService {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    FlagService flags;

    @Inject
    Event<ScheduleCreated> created;

    /** The flag's schedules by time; Flipt's 404 when the flag does not exist. */
    public Page.Slice<ScheduledChange> list(String namespace, String flagKey, Page page) {
        Flag flag = flags.get(namespace, flagKey);
        return Listing.page(
                em.createQuery("SELECT s FROM ScheduledChange s WHERE s.flagId = :flag ORDER BY s.runAt, s.id",
                        ScheduledChange.class).setParameter("flag", flag.id()),
                em.createQuery("SELECT COUNT(s) FROM ScheduledChange s WHERE s.flagId = :flag", Long.class)
                        .setParameter("flag", flag.id()),
                page, ScheduledChange::id, s -> { });
    }

    public ScheduledChange get(String namespace, String flagKey, String id) {
        ScheduledChange schedule = find(namespace, flagKey, id);
        if (schedule == null) {
            throw ApiException.notFound("schedule", namespace + "/" + id);
        }
        return schedule;
    }

    /**
     * Stores a schedule after checking that what it names (rollout, rule, variants) belongs to the flag now; the
     * flag's row stays locked until the commit, so the flag cannot be deleted in between.
     */
    public ScheduledChange create(String namespace, String flagKey, CreateScheduleRequest request) {
        Flag flag = flags.lock(namespace, flagKey);
        if (flag == null) {
            throw ApiException.notFound("flag", namespace + "/" + flagKey);
        }
        Change change = request.change();
        switch (change.type()) {
            case SET_ROLLOUT_THRESHOLD -> {
                Rollout rollout = em.find(Rollout.class, change.rolloutId());
                if (rollout == null || !rollout.flag().id().equals(flag.id())) {
                    throw ApiException.notFound("rollout", namespace + "/" + change.rolloutId());
                }
                if (rollout.type() != RolloutType.THRESHOLD_ROLLOUT_TYPE) {
                    throw ApiException.invalid("rollout \"" + change.rolloutId()
                            + "\" is not a threshold rollout");
                }
            }
            case SET_RULE_DISTRIBUTIONS -> {
                Rule rule = em.find(Rule.class, change.ruleId());
                if (rule == null || !rule.flag().id().equals(flag.id())) {
                    throw ApiException.notFound("rule", namespace + "/" + change.ruleId());
                }
                for (ChangeDistribution d : change.distributions()) {
                    requireVariant(flag, d.variantId());
                }
            }
            case SET_DEFAULT_VARIANT -> requireVariant(flag, change.variantId());
            default -> {
                // ENABLE, DISABLE: every flag has enabled
            }
        }
        long now = Timestamps.nowMicros();
        ScheduledChange schedule = new ScheduledChange(UUID.randomUUID().toString(), flag.id(), namespace,
                flagKey, micros(request.at()), change.type(), change.json(), now);
        em.persist(schedule);
        created.fire(new ScheduleCreated(schedule.runAt()));
        return schedule;
    }

    /** Deletes a schedule, whatever its state (a pending one then never runs); idempotent, as Flipt's deletes. */
    public void delete(String namespace, String flagKey, String id) {
        ScheduledChange schedule = find(namespace, flagKey, id);
        if (schedule != null) {
            em.remove(schedule);
        }
    }

    private ScheduledChange find(String namespace, String flagKey, String id) {
        ScheduledChange schedule = em.find(ScheduledChange.class, id);
        if (schedule == null || !schedule.namespaceKey().equals(namespace) || !schedule.flagKey().equals(flagKey)) {
            return null;
        }
        return schedule;
    }

    /**
     * Microseconds since the epoch, for any time a request may name ({@link Timestamps#toMicros} counts in
     * nanoseconds on the way, which overflows after the year 2262).
     */
    static long micros(java.time.Instant at) {
        return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
    }

    private static void requireVariant(Flag flag, String variantId) {
        if (flag.variants().stream().map(Variant::id).noneMatch(variantId::equals)) {
            throw ApiException.notFound("variant", flag.namespaceKey() + "/" + flag.key() + "/" + variantId);
        }
    }
}
