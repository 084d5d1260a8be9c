package dev.flagstaff.persistence;

/**
 * Start-up cannot go on because of a setting. The message names the setting and is meant to be the one log
 * line an operator needs; no stack trace is kept.
 */
public class StartupFailure extends RuntimeException {

    public StartupFailure(String message) {
        super(message, null, false, false);
    }
}
