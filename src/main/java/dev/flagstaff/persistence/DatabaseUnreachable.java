package dev.flagstaff.persistence;

/**
 * The database could not be reached while Flagstaff starts: not a bad setting, so {@link Database} starts
 * without it and tries again in the background.
 */
public class DatabaseUnreachable extends StartupFailure {

    public DatabaseUnreachable(String message) {
        super(message);
    }
}
