package dev.flagstaff.persistence;

import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Tells a database that cannot be reached from other failures, so that a request that needed it is answered
 * {@code 503 {"code":14,…}} (gRPC UNAVAILABLE, what Flipt's clients retry) instead of a 500, and logs such
 * answers once per outage rather than once per request.
 *
 * <p>A failure is an outage when its causes hold a connection failure: an SQL state of class {@code 08}
 * (connection exception) or {@code 57P0x} (PostgreSQL shutting down or gone), the JDBC connection exception
 * types, a socket error, or the server's pool failing to hand out a connection; and, until
 * {@link Database} has reached the database and run the migrations once, any failure at all.
 */
public final class Outage {

    /** The message of the 503 answer. */
    public static final String MESSAGE = "the database is unavailable; try again later";

    private static final Logger LOG = Logger.getLogger(Outage.class.getName());
    private static final long QUIET_MILLIS = 30_000;
    private static final AtomicLong LAST_LOGGED = new AtomicLong();

    private static volatile boolean started;

    private Outage() {
    }

    /** {@link Database} reached the database and migrated it: from now on only connection failures count. */
    static void started() {
        started = true;
    }

    /** Whether {@code failure} comes from a database that is away (or not reached yet since the start). */
    public static boolean unavailable(Throwable failure) {
        if (!started) {
            return true;
        }
        return connectionFailure(failure);
    }

    /** Whether the causes of {@code failure} include a failure to reach the database. */
    public static boolean connectionFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 30; t = next(t), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException
                    || t instanceof SocketException || t instanceof SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
            String type = t.getClass().getName();
            // the server's pool could not hand out a connection (Payara: ResourceAllocationException,
            // PoolingException; Liberty: ResourceAllocationException)
            if (type.endsWith("ResourceAllocationException") || type.endsWith(".PoolingException")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable t) {
        Throwable cause = t.getCause();
        if (cause == null && t instanceof SQLException sql) {
            cause = sql.getNextException();
        }
        return cause == t ? null : cause;
    }

    /** One WARNING line for the first 503 of an outage (and then at most every 30 s), without a stack trace. */
    public static void answered(String request, Throwable failure) {
        long now = System.currentTimeMillis();
        long last = LAST_LOGGED.get();
        if (now - last >= QUIET_MILLIS && LAST_LOGGED.compareAndSet(last, now)) {
            LOG.warning("Answering 503 (database unavailable) on " + request + ": " + Database.rootMessage(failure)
                    + (started ? "" : " (the database has not been reached since the start)"));
        }
    }
}
