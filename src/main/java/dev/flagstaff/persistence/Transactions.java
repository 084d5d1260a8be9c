package dev.flagstaff.persistence;

import dev.flagstaff.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Every unit of database work goes through here: one EntityManager and, for writes, one transaction per
 * call. A write that throws is rolled back whole, so a refused request changes nothing.
 */
@ApplicationScoped
public class Transactions {

    @Inject
    Database database;

    @Inject
    Event<NamespaceChanged> changes;

    /**
     * Runs {@code work} in a transaction and commits it; any exception rolls it back and propagates. The
     * transaction first raises the namespace's revision, which also locks the namespace's row: writes to one
     * namespace apply one after the other, always taking their locks in the same order (namespace, then
     * flag, then segments). After the commit, {@link NamespaceChanged} is fired for the namespace.
     */
    public <T> T write(String namespace, Function<EntityManager, T> work) {
        T result = commit(em -> {
            em.createQuery("UPDATE Namespace n SET n.revision = n.revision + 1 WHERE n.key = :ns")
                    .setParameter("ns", namespace)
                    .executeUpdate();
            return work.apply(em);
        });
        changes.fire(new NamespaceChanged(namespace));
        return result;
    }

    /** Runs {@code work} in a transaction of its own that belongs to no namespace (e.g. authentications). */
    public <T> T transaction(Function<EntityManager, T> work) {
        return commit(work);
    }

    private <T> T commit(Function<EntityManager, T> work) {
        EntityManager em = database.entityManagerFactory().createEntityManager();
        EntityTransaction tx = em.getTransaction();
        try {
            tx.begin();
            T result = work.apply(em);
            tx.commit();
            return result;
        } finally {
            if (tx.isActive()) {
                tx.rollback();
            }
            em.close();
        }
    }

    /** Runs {@code work} with an EntityManager, outside any transaction. */
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = database.entityManagerFactory().createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * Persists a new row and flushes at once, so that a unique key taken by a concurrent request surfaces
     * here as the client error {@code onDuplicate} rather than as a failed commit.
     */
    public static void insertUnique(EntityManager em, Object entity, Supplier<ApiException> onDuplicate) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            if (isConstraintViolation(e)) {
                throw onDuplicate.get();
            }
            throw e;
        }
    }

    /** True when the failure is the database refusing a row for a key or constraint (SQLSTATE class 23). */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
