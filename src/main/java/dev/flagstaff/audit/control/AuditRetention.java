package dev.flagstaff.audit.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * With {@code flagstaff.audit.retention-days} above 0, deletes older events a minute after the start and then
 * every {@code flagstaff.audit.retention-check-minutes} (default 60). Several instances may prune at once:
 * deleting is idempotent.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    AuditEvents events;

    @Inject
    AuditSettings settings;

    @Inject
    @ConfigProperty(name = "flagstaff.audit.retention-check-minutes", defaultValue = "60")
    long checkMinutes;

    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (settings.retentionDays() > 0) {
            long every = Math.max(1, checkMinutes);
            task = scheduler.scheduleWithFixedDelay(this::prune, 1, every, TimeUnit.MINUTES);
        }
    }

    void prune() {
        try {
            int removed = events.prune(Instant.now().minus(Duration.ofDays(settings.retentionDays())));
            if (removed > 0) {
                LOG.info("Audit retention removed " + removed + " events older than " + settings.retentionDays()
                        + " days");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit retention could not delete old events; trying again later", e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
