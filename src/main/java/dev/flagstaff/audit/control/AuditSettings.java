package dev.flagstaff.audit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** The audit settings ({@code flagstaff.audit.*}), read once at start. */
@ApplicationScoped
public class AuditSettings {

    /** Days an event is kept; 0 keeps every event. */
    @Inject
    @ConfigProperty(name = "flagstaff.audit.retention-days", defaultValue = "0")
    int retentionDays;

    /** Log sink: one JSON line per event through the logger {@code dev.flagstaff.audit}. */
    @Inject
    @ConfigProperty(name = "flagstaff.audit.log.enabled", defaultValue = "false")
    boolean logEnabled;

    /** Webhook sink: events are POSTed here; unset turns the sink off. */
    @Inject
    @ConfigProperty(name = "flagstaff.audit.webhook.url")
    Optional<String> webhookUrl;

    /** HMAC-SHA256 key of Flipt's {@code x-flipt-webhook-signature} header; unset sends no signature. */
    @Inject
    @ConfigProperty(name = "flagstaff.audit.webhook.signing-secret")
    Optional<String> signingSecret;

    /** The longest wait between two attempts of one delivery (the back-off doubles from 1 s up to this). */
    @Inject
    @ConfigProperty(name = "flagstaff.audit.webhook.max-backoff-seconds", defaultValue = "60")
    int maxBackoffSeconds;

    /** Attempts per event before the delivery is given up (and logged). */
    @Inject
    @ConfigProperty(name = "flagstaff.audit.webhook.max-attempts", defaultValue = "10")
    int maxAttempts;

    public int retentionDays() {
        return Math.max(0, retentionDays);
    }

    public boolean logEnabled() {
        return logEnabled;
    }

    public boolean webhookEnabled() {
        return webhookUrl.filter(u -> !u.isBlank()).isPresent();
    }

    public String webhookUrl() {
        return webhookUrl.orElse("");
    }

    public Optional<String> signingSecret() {
        return signingSecret.filter(s -> !s.isEmpty());
    }

    public long maxBackoffMillis() {
        return Math.max(1, maxBackoffSeconds) * 1000L;
    }

    public int maxAttempts() {
        return Math.max(1, maxAttempts);
    }
}
