package dev.flagstaff.persistence;

import dev.flagstaff.http.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Turns a unique key taken by a concurrent request into Flipt's client error, inside the caller's JTA
 * transaction (the services call it from their business methods). The {@link ApiException} it throws is an
 * application exception that rolls the transaction back, so the refused request changes nothing.
 */
@ApplicationScoped
public class UniqueKeys {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    /** Persists a new row and flushes at once, so a duplicate key surfaces here rather than at commit. */
    public void insert(Object entity, Supplier<ApiException> onDuplicate) {
        try {
            em.persist(entity);
            em.flush();
        } catch (PersistenceException e) {
            throw isConstraintViolation(e) ? onDuplicate.get() : e;
        }
    }

    /** Writes the transaction's changes now; a key another row holds becomes {@code onDuplicate}. */
    public void flush(Supplier<ApiException> onDuplicate) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw isConstraintViolation(e) ? onDuplicate.get() : e;
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
