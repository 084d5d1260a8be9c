package dev.flagstaff.operations.control;

import dev.flagstaff.persistence.Database;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Liveness and readiness. Live: the application is deployed and not stopping. Ready: live, the migrations
 * ran, and the database answers a validity check within {@value #CHECK_SECONDS} s. The check runs on the
 * server's managed executor and at most one runs at a time, so a database that hangs never ties up more
 * than one thread and a probe never waits longer than that.
 */
@ApplicationScoped
public class Health {

    /** The longest a readiness probe waits for the database. */
    static final int CHECK_SECONDS = 2;

    @Inject
    Database database;

    @Resource
    ManagedExecutorService executor;

    private final AtomicReference<CompletableFuture<Check>> running = new AtomicReference<>();
    private volatile boolean stopping;

    /** One named check, as MicroProfile Health reports it. */
    public record Check(String name, boolean up, Map<String, String> data) {
    }

    /**
     * The application is up: deployed and not shutting down. Says nothing about the database: an instance that
     * started while its database was away is live (restarting it would not bring the database back) but not ready.
     */
    public Check live() {
        return new Check("flagstaff", !stopping, stopping ? Map.of("reason", "stopping") : Map.of());
    }

    /** Liveness plus a database that was reached and migrated since the start and answers now. */
    public List<Check> ready() {
        Check live = live();
        if (!live.up()) {
            return List.of(live, new Check("database", false, Map.of("reason", "not checked")));
        }
        if (!database.migrated()) {
            return List.of(live, down("not reached since the start (trying again every few seconds)"));
        }
        return List.of(live, database());
    }

    private Check database() {
        CompletableFuture<Check> check = running.get();
        if (check == null || check.isDone()) {
            CompletableFuture<Check> fresh = new CompletableFuture<>();
            if (running.compareAndSet(check, fresh)) {
                try {
                    executor.execute(() -> fresh.complete(validate()));
                } catch (RuntimeException e) { // rejected: the server is shutting down
                    fresh.complete(down("cannot check now: " + e));
                }
            }
            check = running.get();
        }
        try {
            return check.get(CHECK_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return down("the database did not answer within " + CHECK_SECONDS + " s");
        } catch (ExecutionException e) {
            return down(String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private Check validate() {
        try (Connection connection = database.dataSource().getConnection()) {
            return connection.isValid(CHECK_SECONDS)
                    ? new Check("database", true, Map.of("vendor", database.vendor().toString()))
                    : down("the connection is not valid");
        } catch (SQLException | RuntimeException e) {
            return down(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static Check down(String reason) {
        return new Check("database", false, Map.of("reason", reason));
    }

    @PreDestroy
    void stop() {
        stopping = true;
    }
}
