package dev.flagstaff.audit.control;

import dev.flagstaff.audit.entity.AuditDelivery;
import dev.flagstaff.audit.entity.AuditEvent;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.persistence.Listing;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the audit history, prunes it, and keeps the webhook deliveries table. Each method is one
 * container-managed transaction.
 */
@Stateless
public class AuditEvents {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    /** One page of the history, newest first. */
    public Page.Slice<AuditEvent> list(AuditFilter filter, Page page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        condition(where, parameters, "e.namespaceKey = :ns", "ns", filter.namespaceKey());
        condition(where, parameters, "e.type = :type", "type", filter.type());
        condition(where, parameters, "e.resourceKey = :key", "key", filter.key());
        condition(where, parameters, "(e.actorId = :actor OR e.actorName = :actor OR e.actorEmail = :actor)",
                "actor", filter.actor());
        condition(where, parameters, "e.occurredAt >= :from", "from", micros(filter.from()));
        condition(where, parameters, "e.occurredAt < :to", "to", micros(filter.to()));
        String totalWhere = where.toString();
        Map<String, Object> totalParameters = new LinkedHashMap<>(parameters);
        condition(where, parameters, "e.id <= :upTo", "upTo", filter.upTo());
        TypedQuery<AuditEvent> rows = em.createQuery("SELECT e FROM AuditEvent e" + where + " ORDER BY e.id DESC",
                AuditEvent.class);
        parameters.forEach(rows::setParameter);
        TypedQuery<Long> total = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + totalWhere, Long.class);
        totalParameters.forEach(total::setParameter);
        return Listing.page(rows, total, page, e -> Long.toString(e.id()), e -> { });
    }

    /** The namespace's events after {@code afterId}, oldest first, at most {@code limit} (an SSE resume). */
    public List<AuditEvent> after(String namespace, long afterId, int limit) {
        return em.createQuery("SELECT e FROM AuditEvent e WHERE e.namespaceKey = :ns AND e.id > :after "
                        + "ORDER BY e.id", AuditEvent.class)
                .setParameter("ns", namespace)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The newest event id of the namespace, 0 when it has none. */
    public long latestId(String namespace) {
        Long max = em.createQuery("SELECT MAX(e.id) FROM AuditEvent e WHERE e.namespaceKey = :ns", Long.class)
                .setParameter("ns", namespace).getSingleResult();
        return max == null ? 0 : max;
    }

    public AuditEvent find(long id) {
        return em.find(AuditEvent.class, id);
    }

    /** Deletes the events older than {@code before} (and their pending deliveries); returns how many. */
    public int prune(Instant before) {
        long micros = Timestamps.toMicros(before);
        em.createQuery("DELETE FROM AuditDelivery d WHERE d.eventId IN "
                        + "(SELECT e.id FROM AuditEvent e WHERE e.occurredAt < :before)")
                .setParameter("before", micros).executeUpdate();
        return em.createQuery("DELETE FROM AuditEvent e WHERE e.occurredAt < :before")
                .setParameter("before", micros).executeUpdate();
    }

    // ---- webhook deliveries --------------------------------------------------------------------------------

    /** Deliveries due at {@code nowMicros}, oldest event first. */
    public List<AuditDelivery> due(long nowMicros, int limit) {
        return em.createQuery("SELECT d FROM AuditDelivery d WHERE d.nextAttemptAt <= :now ORDER BY d.eventId",
                        AuditDelivery.class)
                .setParameter("now", nowMicros)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Claims a due delivery for this instance by moving its due time to {@code leaseUntil}, but only if no
     * other instance moved it since it was read; true when the claim is this instance's.
     */
    public boolean claim(long eventId, long seenNextAttemptAt, long leaseUntil) {
        return em.createQuery("UPDATE AuditDelivery d SET d.nextAttemptAt = :lease "
                        + "WHERE d.eventId = :id AND d.nextAttemptAt = :seen")
                .setParameter("lease", leaseUntil)
                .setParameter("id", eventId)
                .setParameter("seen", seenNextAttemptAt)
                .executeUpdate() == 1;
    }

    public void delivered(long eventId) {
        em.createQuery("DELETE FROM AuditDelivery d WHERE d.eventId = :id").setParameter("id", eventId)
                .executeUpdate();
    }

    public void retryAt(long eventId, int attempts, long nextAttemptAt) {
        em.createQuery("UPDATE AuditDelivery d SET d.attempts = :attempts, d.nextAttemptAt = :next "
                        + "WHERE d.eventId = :id")
                .setParameter("attempts", attempts)
                .setParameter("next", nextAttemptAt)
                .setParameter("id", eventId)
                .executeUpdate();
    }

    private static void condition(StringBuilder where, Map<String, Object> parameters, String clause, String name,
                                  Object value) {
        if (value == null || value instanceof String s && s.isEmpty()) {
            return;
        }
        where.append(" AND ").append(clause);
        parameters.put(name, value);
    }

    private static Long micros(Instant instant) {
        return instant == null ? null : Timestamps.toMicros(instant);
    }
}
