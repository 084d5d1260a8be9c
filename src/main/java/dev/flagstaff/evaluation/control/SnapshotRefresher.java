package dev.flagstaff.evaluation.control;

import dev.flagstaff.instances.control.ChangeListener;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every {@code flagstaff.snapshots.refresh-seconds} (default 1; 0 turns it off), checks the revisions of the
 * namespaces this instance evaluates in (one indexed query), so that writes made through other Flagstaff
 * instances on the same database are seen here within that time. Writes through this instance are seen at
 * once anyway. Skipped while {@link ChangeListener} listens on PostgreSQL: then the writes of the others are
 * heard as they commit, and this check is the fallback for when that connection is down.
 */
@ApplicationScoped
public class SnapshotRefresher {

    private static final Logger LOG = Logger.getLogger(SnapshotRefresher.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Snapshots snapshots;

    @Inject
    ChangeListener listener;

    @Inject
    @ConfigProperty(name = "flagstaff.snapshots.refresh-seconds", defaultValue = "1")
    long refreshSeconds;

    private ScheduledFuture<?> task;
    private volatile boolean failing;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (refreshSeconds > 0) {
            task = scheduler.scheduleAtFixedRate(this::refresh, refreshSeconds, refreshSeconds, TimeUnit.SECONDS);
        }
    }

    /** Logs a failure when checks start failing and a line when they work again, not on every attempt. */
    private void refresh() {
        if (listener.listening()) {
            return;
        }
        try {
            snapshots.refreshStale();
            if (failing) {
                failing = false;
                LOG.info("Checking the evaluation snapshots against the database works again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Checking the evaluation snapshots against the database failed; retrying every "
                        + refreshSeconds + " s", e);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
