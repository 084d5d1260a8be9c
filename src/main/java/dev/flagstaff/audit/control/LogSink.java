package dev.flagstaff.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Flipt's log sink ({@code internal/server/audit/log}): with {@code flagstaff.audit.log.enabled=true} every
 * committed event is written as one line of JSON, at INFO, to the logger {@code dev.flagstaff.audit}, which a
 * server's logging configuration can route to a file of its own.
 */
@ApplicationScoped
public class LogSink {

    private static final Logger AUDIT = Logger.getLogger("dev.flagstaff.audit");

    @Inject
    AuditSettings settings;

    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        if (settings.logEnabled()) {
            AUDIT.info(event.json());
        }
    }
}
