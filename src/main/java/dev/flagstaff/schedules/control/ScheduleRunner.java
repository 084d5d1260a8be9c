package dev.flagstaff.schedules.control;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.persistence.Database;
import dev.flagstaff.schedules.entity.ScheduledChange;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs scheduled changes when they are due, on the server's {@link ManagedScheduledExecutorService}. Two ways
 * bring a schedule here: a timer set for the earliest pending schedule this instance knows of (at start, after
 * each run, and when a schedule is created through this instance), and a check of the database every
 * {@code flagstaff.schedules.poll-seconds} (default 1; 0 turns it off) for schedules that other instances
 * created. Several instances may find the same schedule due; {@link ScheduleExecutor#run} lets exactly one
 * apply it. Schedules are rows of the database, so they outlive restarts: one that fell due while no
 * instance ran is run at the next start.
 */
@ApplicationScoped
public class ScheduleRunner {

    private static final Logger LOG = Logger.getLogger(ScheduleRunner.class.getName());

    /** How many due schedules one round takes; the next round follows at once when there were more. */
    private static final int BATCH = 50;

    /** The pause before trying again after the database failed. */
    private static final long RETRY_MICROS = TimeUnit.SECONDS.toMicros(5);

    /** This process, as the log names it ({@code pid@host}). */
    private static final String INSTANCE = ManagementFactory.getRuntimeMXBean().getName();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    ScheduleExecutor executor;

    @Inject
    Database database;

    @Inject
    @ConfigProperty(name = "flagstaff.schedules.poll-seconds", defaultValue = "1")
    long pollSeconds;

    private final Object timerLock = new Object();
    private final Object runLock = new Object();
    private ScheduledFuture<?> poll;
    private ScheduledFuture<?> timer;
    private long timerAt = Long.MAX_VALUE;
    private volatile boolean failing;
    private volatile boolean stopped;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (pollSeconds > 0) {
            poll = scheduler.scheduleWithFixedDelay(this::runDue, pollSeconds, pollSeconds, TimeUnit.SECONDS);
        }
        scheduler.execute(this::runDue); // whatever fell due while no instance ran, and the first timer
    }

    /** A schedule created through this instance: a timer for it, unless an earlier one is set. */
    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) ScheduleCreated event) {
        wakeAt(event.runAtMicros());
    }

    private void wakeAt(long atMicros) {
        synchronized (timerLock) {
            if (stopped || (timer != null && !timer.isDone() && timerAt <= atMicros)) {
                return;
            }
            if (timer != null) {
                timer.cancel(false);
            }
            // at most a day ahead: a far timer is set again when it fires, so no huge delays reach the executor
            long delay = Math.max(0, Math.min(atMicros - Timestamps.nowMicros(), TimeUnit.DAYS.toMicros(1)));
            timerAt = Timestamps.nowMicros() + delay;
            timer = scheduler.schedule(this::runDue, delay, TimeUnit.MICROSECONDS);
        }
    }

    /** Runs every due schedule, then sets the timer for the next pending one. One round at a time here. */
    void runDue() {
        if (stopped) {
            return;
        }
        if (!database.migrated()) {
            if (pollSeconds == 0) {
                wakeAt(Timestamps.nowMicros() + RETRY_MICROS); // no poll to come back: try again soon
            }
            return;
        }
        synchronized (timerLock) {
            if (timerAt <= Timestamps.nowMicros()) {
                timer = null; // it fired (this may be its run): the next one is set below
                timerAt = Long.MAX_VALUE;
            }
        }
        synchronized (runLock) {
            try {
                List<String> due;
                boolean allRan = true;
                do {
                    due = executor.due(Timestamps.nowMicros(), BATCH);
                    for (String id : due) {
                        allRan &= runOne(id);
                    }
                } while (due.size() == BATCH && allRan && !stopped);
                Long next = executor.nextPendingAt();
                if (next != null) {
                    // a schedule that could not be tried is due already: not again at once, but after a pause
                    wakeAt(allRan ? next : Math.max(next, Timestamps.nowMicros() + RETRY_MICROS));
                }
                if (failing) {
                    failing = false;
                    LOG.info("Running scheduled changes works again");
                }
            } catch (RuntimeException e) {
                if (pollSeconds == 0) {
                    wakeAt(Timestamps.nowMicros() + RETRY_MICROS);
                }
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, "Running scheduled changes failed; retrying "
                            + (pollSeconds > 0 ? "every " + pollSeconds + " s" : "every 5 s"), e);
                }
            }
        }
    }

    /**
     * One schedule: applied (logged), refused (recorded as FAILED, logged), or taken by another instance; false
     * when it could not be tried (the database failed), so it stays pending for the next round.
     */
    private boolean runOne(String id) {
        try {
            ScheduledChange ran = executor.run(id);
            warned.remove(id);
            if (ran != null) {
                LOG.info(() -> "Scheduled change " + id + " (" + ran.changeType() + ") of flag " + ran.namespaceKey()
                        + "/" + ran.flagKey() + " applied by instance " + INSTANCE);
            }
            return true;
        } catch (ApiException refused) {
            ScheduledChange failed = executor.fail(id, refused.getMessage());
            if (failed != null) {
                LOG.warning(() -> "Scheduled change " + id + " (" + failed.changeType() + ") of flag "
                        + failed.namespaceKey() + "/" + failed.flagKey() + " could not be applied, recorded as FAILED: "
                        + refused.getMessage());
            }
            return true;
        } catch (RuntimeException e) {
            if (warned.add(id)) { // once per schedule, not every round
                LOG.log(Level.WARNING, "Scheduled change " + id + " could not be run; it stays pending and is "
                        + "tried again", e);
            }
            return false;
        }
    }

    @PreDestroy
    void stop() {
        stopped = true;
        synchronized (timerLock) {
            if (timer != null) {
                timer.cancel(false);
            }
        }
        if (poll != null) {
            poll.cancel(false);
        }
    }
}
