package dev.flagstaff.segments.control;

import dev.flagstaff.segments.boundary.CreateConstraintRequest;
import dev.flagstaff.segments.boundary.CreateSegmentRequest;
import dev.flagstaff.segments.boundary.UpdateConstraintRequest;
import dev.flagstaff.segments.boundary.UpdateSegmentRequest;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.persistence.Listing;
import dev.flagstaff.persistence.Transactions;
import dev.flagstaff.segments.entity.Constraint;
import dev.flagstaff.segments.entity.Segment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Segments and their constraints (contract sections 3.5 and 3.6). Returned segments have constraints loaded. */
@ApplicationScoped
public class SegmentService {

    @Inject
    Transactions transactions;

    public Page.Slice<Segment> list(String namespace, Page page) {
        return transactions.read(em -> Listing.page(
                em.createQuery("SELECT s FROM Segment s WHERE s.namespaceKey = :ns ORDER BY s.createdAt, s.key",
                                Segment.class)
                        .setParameter("ns", namespace)
                        .setHint("eclipselink.batch", "s.constraints"),
                em.createQuery("SELECT COUNT(s) FROM Segment s WHERE s.namespaceKey = :ns", Long.class)
                        .setParameter("ns", namespace),
                page, Segment::key, SegmentService::loaded));
    }

    public Segment get(String namespace, String key) {
        return transactions.read(em -> loaded(require(em, namespace, key)));
    }

    public Segment create(String namespace, CreateSegmentRequest request) {
        return transactions.write(namespace, em -> {
            NamespaceService.require(em, namespace);
            if (find(em, namespace, request.key(), false) != null) {
                throw ApiException.notUnique("segment", namespace + "/" + request.key());
            }
            Segment segment = new Segment(UUID.randomUUID().toString(), namespace, request.key(), request.name(),
                    request.description(), request.matchType(), Timestamps.nowMicros());
            Transactions.insertUnique(em, segment,
                    () -> ApiException.notUnique("segment", namespace + "/" + request.key()));
            return segment;
        });
    }

    public Segment update(String namespace, String key, UpdateSegmentRequest request) {
        return transactions.write(namespace, em -> {
            Segment segment = require(em, namespace, key);
            segment.update(request.name(), request.description(), request.matchType(), Timestamps.nowMicros());
            return loaded(segment);
        });
    }

    /** Deletes a segment with its constraints; refused while a rule or rollout uses it; idempotent. */
    public void delete(String namespace, String key) {
        transactions.write(namespace, em -> {
            Segment segment = find(em, namespace, key, true);
            if (segment == null) {
                return null;
            }
            long uses = count(em, "SELECT COUNT(r) FROM Rule r JOIN r.segments s WHERE s.id = :id", segment)
                    + count(em, "SELECT COUNT(r) FROM Rollout r JOIN r.segments s WHERE s.id = :id", segment);
            if (uses > 0) {
                throw ApiException.invalid("segment " + GoQuote.quote(namespace + "/" + key) + " is in use");
            }
            em.createQuery("DELETE FROM Constraint c WHERE c.segment = :segment").setParameter("segment", segment)
                    .executeUpdate();
            em.remove(segment);
            return null;
        });
    }

    public Constraint createConstraint(String namespace, String segmentKey, CreateConstraintRequest request) {
        return transactions.write(namespace, em -> {
            Segment segment = require(em, namespace, segmentKey);
            Constraint constraint = new Constraint(UUID.randomUUID().toString(), segment, request.type(),
                    request.property(), request.operator(), request.value(), request.description(),
                    Timestamps.nowMicros());
            em.persist(constraint);
            return constraint;
        });
    }

    public Constraint updateConstraint(String namespace, String segmentKey, String id,
                                       UpdateConstraintRequest request) {
        return transactions.write(namespace, em -> {
            Constraint constraint = findConstraint(em, namespace, segmentKey, id);
            if (constraint == null) {
                throw ApiException.notFound("constraint", id);
            }
            constraint.update(request.type(), request.property(), request.operator(), request.value(),
                    request.description(), Timestamps.nowMicros());
            return constraint;
        });
    }

    public void deleteConstraint(String namespace, String segmentKey, String id) {
        transactions.write(namespace, em -> {
            Constraint constraint = findConstraint(em, namespace, segmentKey, id);
            if (constraint != null) {
                em.remove(constraint);
            }
            return null;
        });
    }

    /** The segment, or Flipt's 404 {@code segment "<ns>/<key>" not found}. */
    public static Segment require(EntityManager em, String namespace, String key) {
        Segment segment = find(em, namespace, key, false);
        if (segment == null) {
            throw ApiException.notFound("segment", namespace + "/" + key);
        }
        return segment;
    }

    /**
     * The segments named by {@code keys}, in that order, locked so that none can be deleted before the
     * caller's transaction commits; {@code onMissing} gets the first key that names no segment.
     */
    public static List<Segment> lockAll(EntityManager em, String namespace, List<String> keys,
                                        Function<String, ApiException> onMissing) {
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

    private static Segment find(EntityManager em, String namespace, String key, boolean lock) {
        var query = em.createQuery("SELECT s FROM Segment s WHERE s.namespaceKey = :ns AND s.key = :key", Segment.class)
                .setParameter("ns", namespace)
                .setParameter("key", key);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<Segment> found = query.getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static Constraint findConstraint(EntityManager em, String namespace, String segmentKey, String id) {
        Constraint constraint = em.find(Constraint.class, id);
        if (constraint == null || !constraint.namespaceKey().equals(namespace)
                || !constraint.segmentKey().equals(segmentKey)) {
            return null;
        }
        return constraint;
    }

    private static long count(EntityManager em, String jpql, Segment segment) {
        return em.createQuery(jpql, Long.class).setParameter("id", segment.id()).getSingleResult();
    }

    private static Segment loaded(Segment segment) {
        segment.constraints().size();
        return segment;
    }
}
