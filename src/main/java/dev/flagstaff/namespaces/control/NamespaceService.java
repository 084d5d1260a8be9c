package dev.flagstaff.namespaces.control;

import dev.flagstaff.namespaces.boundary.CreateNamespaceRequest;
import dev.flagstaff.namespaces.boundary.UpdateNamespaceRequest;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.entity.Namespace;
import dev.flagstaff.persistence.Listing;
import dev.flagstaff.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;


/** Namespaces: list, read, create, rename and delete (contract section 3.2). */
@ApplicationScoped
public class NamespaceService {

    @Inject
    Transactions transactions;

    public Page.Slice<Namespace> list(Page page) {
        return transactions.read(em -> Listing.page(
                em.createQuery("SELECT n FROM Namespace n ORDER BY n.createdAt, n.key", Namespace.class),
                em.createQuery("SELECT COUNT(n) FROM Namespace n", Long.class),
                page, Namespace::key, n -> { }));
    }

    public Namespace get(String key) {
        return transactions.read(em -> require(em, key));
    }

    public Namespace create(CreateNamespaceRequest request) {
        return transactions.write(request.key(), em -> {
            if (em.find(Namespace.class, request.key()) != null) {
                throw ApiException.notUnique("namespace", request.key());
            }
            Namespace namespace = new Namespace(request.key(), request.name(), request.description(),
                    Timestamps.nowMicros());
            Transactions.insertUnique(em, namespace, () -> ApiException.notUnique("namespace", request.key()));
            return namespace;
        });
    }

    public Namespace update(String key, UpdateNamespaceRequest request) {
        return transactions.write(key, em -> {
            Namespace namespace = require(em, key);
            namespace.rename(request.name(), request.description(), Timestamps.nowMicros());
            return namespace;
        });
    }

    /**
     * Deletes a namespace and everything in it. Without {@code force} a protected namespace, or one that
     * still has flags, is refused. With it, even {@code default} goes (Flipt does the same).
     */
    public void delete(String key, boolean force) {
        transactions.write(key, em -> {
            Namespace namespace = em.find(Namespace.class, key, LockModeType.PESSIMISTIC_WRITE);
            if (namespace == null) {
                throw ApiException.notFound("namespace", key);
            }
            if (!force && namespace.isProtected()) {
                throw ApiException.invalid("namespace " + GoQuote.quote(key) + " is protected");
            }
            if (!force && countFlags(em, key) > 0) {
                throw ApiException.invalid("namespace " + GoQuote.quote(key)
                        + " cannot be deleted; flags must be deleted first");
            }
            // Rows in the namespace go with it through the schema's ON DELETE CASCADE.
            em.remove(namespace);
            return null;
        });
    }

    /** The namespace, or Flipt's 404; for services that create things inside a namespace. */
    public static Namespace require(EntityManager em, String key) {
        Namespace namespace = em.find(Namespace.class, key);
        if (namespace == null) {
            throw ApiException.notFound("namespace", key);
        }
        return namespace;
    }

    private static long countFlags(EntityManager em, String key) {
        return em.createQuery("SELECT COUNT(f) FROM Flag f WHERE f.namespaceKey = :ns", Long.class)
                .setParameter("ns", key)
                .getSingleResult();
    }
}
