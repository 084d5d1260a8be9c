package dev.flagstaff.persistence;

/**
 * Start-up cannot go on because of a setting. The message names the setting and is meant to be the one log
 * line an operator needs; no stack trace is kept.
 */
public class StartupFailure extends RuntimeException {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Database.class.getName());
    private static final java.util.concurrent.atomic.AtomicBoolean REPORTED = new java.util.concurrent.atomic.AtomicBoolean();

    public StartupFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * Logs the one line an operator needs, once per start however many places meet the failure (the server
     * may set up the persistence unit before {@link Database} starts), and returns this to be thrown.
     */
    public StartupFailure reported() {
        if (REPORTED.compareAndSet(false, true)) {
            LOG.severe("Flagstaff cannot start: " + getMessage());
        }
        return this;
    }
}
