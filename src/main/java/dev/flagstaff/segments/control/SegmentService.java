package dev.flagstaff.segments.control;

import dev.flagstaff.audit.control.AuditTrail;
import dev.flagstaff.segments.boundary.CreateConstraintRequest;
import dev.flagstaff.segments.boundary.CreateSegmentRequest;
import dev.flagstaff.segments.boundary.UpdateConstraintRequest;
import dev.flagstaff.segments.boundary.UpdateSegmentRequest;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Precondition;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.persistence.Listing;
import dev.flagstaff.persistence.UniqueKeys;
import dev.flagstaff.segments.entity.Constraint;
import dev.flagstaff.segments.entity.Segment;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Segments and their constraints (contract sections 3.5 and 3.6). Every business method is one
 * container-managed JTA transaction; returned segments have constraints loaded.
 */
@Stateless
public class SegmentService {

    @Inject
    AuditTrail audit;

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    NamespaceService namespaces;

    @Inject
    UniqueKeys uniqueKeys;

    public Page.Slice<Segment> list(String namespace, Page page) {
        return Listing.page(inNamespace(namespace),
                em.createQuery("SELECT COUNT(s) FROM Segment s WHERE s.namespaceKey = :ns", Long.class)
                        .setParameter("ns", namespace),
                page, Segment::key, SegmentService::loaded);
    }

    /** Every segment of the namespace in list order, constraints loaded (for the evaluation snapshot). */
    public List<Segment> all(String namespace) {
        List<Segment> segments = inNamespace(namespace).getResultList();
        segments.forEach(SegmentService::loaded);
        return segments;
    }

    private TypedQuery<Segment> inNamespace(String namespace) {
        return em.createQuery("SELECT s FROM Segment s WHERE s.namespaceKey = :ns ORDER BY s.createdAt, s.key",
                        Segment.class)
                .setParameter("ns", namespace)
                .setHint("eclipselink.batch", "s.constraints");
    }

    public Segment get(String namespace, String key) {
        return loaded(require(namespace, key));
    }

    public Segment create(String namespace, CreateSegmentRequest request) {
        namespaces.lockForWrite(namespace);
        namespaces.get(namespace);
        if (find(namespace, request.key(), false) != null) {
            throw ApiException.notUnique("segment", namespace + "/" + request.key());
        }
        Segment segment = new Segment(UUID.randomUUID().toString(), namespace, request.key(), request.name(),
                request.description(), request.matchType(), Timestamps.nowMicros());
        uniqueKeys.insert(segment, () -> ApiException.notUnique("segment", namespace + "/" + request.key()));
        audit.created("segment", namespace, segment.key(), dev.flagstaff.segments.boundary.Segment.of(loaded(segment)));
        return segment;
    }

    public Segment update(String namespace, String key, UpdateSegmentRequest request) {
        return update(namespace, key, request, Precondition.none());
    }

    /** Updates the segment if {@code ifMatch} holds for it once the namespace is locked. */
    public Segment update(String namespace, String key, UpdateSegmentRequest request, Precondition<Segment> ifMatch) {
        namespaces.lockForWrite(namespace);
        Segment segment = require(namespace, key);
        ifMatch.check(segment, "segment", namespace + "/" + key);
        var before = dev.flagstaff.segments.boundary.Segment.of(loaded(segment));
        segment.update(request.name(), request.description(), request.matchType(), Timestamps.nowMicros());
        audit.updated("segment", namespace, key, before, dev.flagstaff.segments.boundary.Segment.of(loaded(segment)));
        return loaded(segment);
    }

    /** Deletes a segment with its constraints; refused while a rule or rollout uses it; idempotent. */
    public void delete(String namespace, String key) {
        delete(namespace, key, Precondition.none());
    }

    /** Deletes the segment if {@code ifMatch} holds for it (a missing segment fails any If-Match). */
    public void delete(String namespace, String key, Precondition<Segment> ifMatch) {
        namespaces.lockForWrite(namespace);
        Segment segment = find(namespace, key, true);
        ifMatch.check(segment, "segment", namespace + "/" + key);
        if (segment == null) {
            return;
        }
        long uses = count("SELECT COUNT(r) FROM Rule r JOIN r.segments s WHERE s.id = :id", segment)
                + count("SELECT COUNT(r) FROM Rollout r JOIN r.segments s WHERE s.id = :id", segment);
        if (uses > 0) {
            throw ApiException.invalid("segment " + GoQuote.quote(namespace + "/" + key) + " is in use");
        }
        var before = dev.flagstaff.segments.boundary.Segment.of(loaded(segment));
        em.createQuery("DELETE FROM Constraint c WHERE c.segment = :segment").setParameter("segment", segment)
                .executeUpdate();
        em.remove(segment);
        audit.deleted("segment", namespace, key, before);
    }

    public Constraint createConstraint(String namespace, String segmentKey, CreateConstraintRequest request) {
        namespaces.lockForWrite(namespace);
        Segment segment = require(namespace, segmentKey);
        Constraint constraint = new Constraint(UUID.randomUUID().toString(), segment, request.type(),
                request.property(), request.operator(), request.value(), request.description(),
                Timestamps.nowMicros());
        segment.constraints().size(); // loaded before the new row is written, so it is added once
        em.persist(constraint);
        segment.constraints().add(constraint); // the segment stays whole for the rest of the transaction (copies)
        audit.created("constraint", namespace, segmentKey, dev.flagstaff.segments.boundary.Constraint.of(constraint));
        return constraint;
    }

    public Constraint updateConstraint(String namespace, String segmentKey, String id, UpdateConstraintRequest request) {
        return updateConstraint(namespace, segmentKey, id, request, Precondition.none());
    }

    public Constraint updateConstraint(String namespace, String segmentKey, String id, UpdateConstraintRequest request,
                                       Precondition<Constraint> ifMatch) {
        namespaces.lockForWrite(namespace);
        Constraint constraint = findConstraint(namespace, segmentKey, id);
        if (constraint == null) {
            throw ApiException.notFound("constraint", id);
        }
        ifMatch.check(constraint, "constraint", namespace + "/" + segmentKey + "/" + id);
        var before = dev.flagstaff.segments.boundary.Constraint.of(constraint);
        constraint.update(request.type(), request.property(), request.operator(), request.value(),
                request.description(), Timestamps.nowMicros());
        audit.updated("constraint", namespace, segmentKey, before, dev.flagstaff.segments.boundary.Constraint.of(constraint));
        return constraint;
    }

    public void deleteConstraint(String namespace, String segmentKey, String id) {
        deleteConstraint(namespace, segmentKey, id, Precondition.none());
    }

    public void deleteConstraint(String namespace, String segmentKey, String id, Precondition<Constraint> ifMatch) {
        namespaces.lockForWrite(namespace);
        Constraint constraint = findConstraint(namespace, segmentKey, id);
        ifMatch.check(constraint, "constraint", namespace + "/" + segmentKey + "/" + id);
        if (constraint != null) {
            var before = dev.flagstaff.segments.boundary.Constraint.of(constraint);
            em.remove(constraint);
            audit.deleted("constraint", namespace, segmentKey, before);
        }
    }

    /** The segment, or Flipt's 404 {@code segment "<ns>/<key>" not found}. */
    private Segment require(String namespace, String key) {
        Segment segment = find(namespace, key, false);
        if (segment == null) {
            throw ApiException.notFound("segment", namespace + "/" + key);
        }
        return segment;
    }

    /**
     * The segments named by {@code keys}, in that order, locked so that none can be deleted before the
     * caller's transaction commits; {@code onMissing} gets the first key that names no segment.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public List<Segment> lockAll(String namespace, List<String> keys, Function<String, ApiException> onMissing) {
        Map<String, Segment> found = em.createQuery(
                        "SELECT s FROM Segment s WHERE s.namespaceKey = :ns AND s.key IN :keys ORDER BY s.id", Segment.class)
                .setParameter("ns", namespace)
                .setParameter("keys", keys)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().stream()
                .collect(Collectors.toMap(Segment::key, Function.identity()));
        List<Segment> ordered = new ArrayList<>(keys.size());
        for (String key : keys) {
            Segment segment = found.get(key);
            if (segment == null) {
                throw onMissing.apply(key);
            }
            ordered.add(segment);
        }
        return ordered;
    }

    /** Segment keys as a rule or rollout takes them: exactly one of key or keys, duplicates dropped. */
    public static List<String> segmentKeys(String segmentKey, List<String> segmentKeys) {
        boolean hasKey = segmentKey != null && !segmentKey.isEmpty();
        boolean hasKeys = segmentKeys != null && !segmentKeys.isEmpty();
        if (hasKey && hasKeys) {
            throw ApiException.invalidField("segmentKey or segmentKeys", "only one can be present");
        }
        if (!hasKey && !hasKeys) {
            throw ApiException.invalidField("segmentKey or segmentKeys", "must not be empty");
        }
        return hasKey ? List.of(segmentKey) : List.copyOf(new LinkedHashSet<>(segmentKeys));
    }

    private Segment find(String namespace, String key, boolean lock) {
        var query = em.createQuery("SELECT s FROM Segment s WHERE s.namespaceKey = :ns AND s.key = :key", Segment.class)
                .setParameter("ns", namespace)
                .setParameter("key", key);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<Segment> found = query.getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private Constraint findConstraint(String namespace, String segmentKey, String id) {
        Constraint constraint = em.find(Constraint.class, id);
        if (constraint == null || !constraint.namespaceKey().equals(namespace)
                || !constraint.segmentKey().equals(segmentKey)) {
            return null;
        }
        return constraint;
    }

    private long count(String jpql, Segment segment) {
        return em.createQuery(jpql, Long.class).setParameter("id", segment.id()).getSingleResult();
    }

    private static Segment loaded(Segment segment) {
        segment.constraints().size();
        return segment;
    }
}
