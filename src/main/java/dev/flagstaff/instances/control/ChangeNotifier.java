package dev.flagstaff.instances.control;

import dev.flagstaff.persistence.Database;
import dev.flagstaff.persistence.NamespaceChanged;
import dev.flagstaff.persistence.Vendor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * On PostgreSQL, tells the other Flagstaff instances on the same database about a write: a
 * {@code pg_notify} on the schema's channel ({@link ChangeListener#CHANNEL_SQL}), issued inside the writing
 * transaction (this observer runs when {@link NamespaceChanged} is fired, in that transaction), so
 * PostgreSQL delivers it when, and only if, the write commits. The payload names this instance and the
 * namespace; the instance that wrote ignores its own notices (it rebuilt its snapshot already).
 * On other databases it does nothing: their instances check revisions ({@code evaluation.control.SnapshotRefresher}).
 */
@ApplicationScoped
public class ChangeNotifier {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    Database database;

    @Inject
    ChangeListener listener;

    void announce(@Observes NamespaceChanged change) {
        if (database.vendor() != Vendor.POSTGRESQL || !listener.enabled()) {
            return;
        }
        em.createNativeQuery("SELECT 1 FROM (SELECT pg_notify(" + ChangeListener.CHANNEL_SQL + ", ?1)) notified")
                .setParameter(1, ChangeListener.payload(change.namespace()))
                .getSingleResult();
    }
}
