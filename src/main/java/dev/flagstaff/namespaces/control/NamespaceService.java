package dev.flagstaff.namespaces.control;

import dev.flagstaff.audit.control.AuditTrail;
import dev.flagstaff.namespaces.boundary.CreateNamespaceRequest;
import dev.flagstaff.namespaces.boundary.UpdateNamespaceRequest;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Precondition;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.entity.Namespace;
import dev.flagstaff.persistence.Listing;
import dev.flagstaff.persistence.NamespaceChanged;
import dev.flagstaff.persistence.UniqueKeys;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Namespaces: list, read, create, rename and delete (contract section 3.2). Each business method is one
 * container-managed JTA transaction. Every write to a namespace, here or in another capability's service,
 * starts with {@link #lockForWrite}.
 */
@Stateless
public class NamespaceService {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    UniqueKeys uniqueKeys;

    @Inject
    Event<NamespaceChanged> changes;

    @Inject
    AuditTrail audit;

    @Resource
    TransactionSynchronizationRegistry transaction;

    public Page.Slice<Namespace> list(Page page) {
        return Listing.page(
                em.createQuery("SELECT n FROM Namespace n ORDER BY n.createdAt, n.key", Namespace.class),
                em.createQuery("SELECT COUNT(n) FROM Namespace n", Long.class),
                page, Namespace::key, n -> { });
    }

    /** The namespace, or Flipt's 404; also for services that create things inside a namespace. */
    public Namespace get(String key) {
        Namespace namespace = em.find(Namespace.class, key);
        if (namespace == null) {
            throw ApiException.notFound("namespace", key);
        }
        return namespace;
    }

    /**
     * Opens a write to {@code namespace} in the caller's transaction that may reach beyond one flag (segments,
     * constraints, the namespace itself): see {@link #lockForWrite(String, String)}.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lockForWrite(String namespace) {
        lockForWrite(namespace, null);
    }

    /**
     * Opens a write to {@code namespace} in the caller's transaction: raises the namespace's revision, which
     * also locks its row until the transaction ends, so writes to one namespace apply one after the other,
     * always taking their locks in the same order (namespace, then flag, then segments); instances that
     * share the database compare revisions to see each other's writes. The transaction's first write to the
     * namespace fires {@link NamespaceChanged}, which its observers hear after the commit; the later ones only
     * add what they change to that event (and raise the revision once), so an import or a copy of many rows is
     * one change, and the snapshot is rebuilt once.
     *
     * @param flagKey the one flag this write changes (a flag, variant, rule, distribution or rollout write), or
     *                null for a write whose effect is not one flag's
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void lockForWrite(String namespace, String flagKey) {
        ChangeKey key = new ChangeKey(namespace);
        NamespaceChanged change = (NamespaceChanged) transaction.getResource(key);
        boolean first = change == null;
        if (first) {
            change = new NamespaceChanged(namespace, flagKey);
            transaction.putResource(key, change);
        } else {
            change.note(flagKey);
        }
        if (!change.locked()) {
            int raised = em.createQuery("UPDATE Namespace n SET n.revision = n.revision + 1 WHERE n.key = :ns")
                    .setParameter("ns", namespace)
                    .executeUpdate();
            if (raised > 0) {
                change.markLocked();
            }
        }
        if (first) {
            changes.fire(change);
        }
    }

    /** What this transaction changed in a namespace is kept under this key of the transaction's resources. */
    private record ChangeKey(String namespace) {
    }

    /** The current revision of each of {@code namespaces} that exists. */
    public Map<String, Long> revisions(Collection<String> namespaces) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (namespaces.isEmpty()) {
            return out;
        }
        for (Object[] row : em.createQuery("SELECT n.key, n.revision FROM Namespace n WHERE n.key IN :keys",
                Object[].class).setParameter("keys", namespaces).getResultList()) {
            out.put((String) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }

    public Namespace create(CreateNamespaceRequest request) {
        lockForWrite(request.key());
        if (em.find(Namespace.class, request.key()) != null) {
            throw ApiException.notUnique("namespace", request.key());
        }
        Namespace namespace = new Namespace(request.key(), request.name(), request.description(),
                Timestamps.nowMicros());
        uniqueKeys.insert(namespace, () -> ApiException.notUnique("namespace", request.key()));
        audit.created("namespace", namespace.key(), namespace.key(), dev.flagstaff.namespaces.boundary.Namespace.of(namespace));
        return namespace;
    }

    public Namespace update(String key, UpdateNamespaceRequest request) {
        return update(key, request, Precondition.none());
    }

    /** Renames the namespace if {@code ifMatch} holds for it once it is locked. */
    public Namespace update(String key, UpdateNamespaceRequest request, Precondition<Namespace> ifMatch) {
        lockForWrite(key);
        Namespace namespace = get(key);
        ifMatch.check(namespace, "namespace", key);
        var before = dev.flagstaff.namespaces.boundary.Namespace.of(namespace);
        namespace.rename(request.name(), request.description(), Timestamps.nowMicros());
        audit.updated("namespace", key, key, before, dev.flagstaff.namespaces.boundary.Namespace.of(namespace));
        return namespace;
    }

    /**
     * Deletes a namespace and everything in it. Without {@code force} a protected namespace, or one that
     * still has flags, is refused. With it, even {@code default} goes (Flipt does the same).
     */
    public void delete(String key, boolean force) {
        delete(key, force, Precondition.none());
    }

    /** Deletes the namespace as {@link #delete(String, boolean)} if {@code ifMatch} holds for it. */
    public void delete(String key, boolean force, Precondition<Namespace> ifMatch) {
        lockForWrite(key);
        Namespace namespace = em.find(Namespace.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (namespace != null) {
            ifMatch.check(namespace, "namespace", key);
        }
        if (namespace == null) {
            throw ApiException.notFound("namespace", key);
        }
        if (!force && namespace.isProtected()) {
            throw ApiException.invalid("namespace " + GoQuote.quote(key) + " is protected");
        }
        long flags = em.createQuery("SELECT COUNT(f) FROM Flag f WHERE f.namespaceKey = :ns", Long.class)
                .setParameter("ns", key)
                .getSingleResult();
        if (!force && flags > 0) {
            throw ApiException.invalid("namespace " + GoQuote.quote(key)
                    + " cannot be deleted; flags must be deleted first");
        }
        var before = dev.flagstaff.namespaces.boundary.Namespace.of(namespace);
        // Rows in the namespace go with it through the schema's ON DELETE CASCADE.
        em.remove(namespace);
        audit.deleted("namespace", key, key, before);
    }
}
