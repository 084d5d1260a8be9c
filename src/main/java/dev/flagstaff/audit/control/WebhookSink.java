package dev.flagstaff.audit.control;

import dev.flagstaff.audit.entity.AuditDelivery;
import dev.flagstaff.audit.entity.AuditEvent;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.Timestamps;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Flipt's webhook sink ({@code internal/server/audit/webhook/client.go}, v1.59.3): each event is POSTed as JSON
 * to {@code flagstaff.audit.webhook.url}; with a signing secret the body's HMAC-SHA256, in lower-case hex, goes
 * in the {@code x-flipt-webhook-signature} header, as Flipt signs it.
 *
 * <p>Deliveries are made from the stored events, never in the write: the writing transaction inserts a row in
 * {@code audit_deliveries} with the event, and this sink sends the due rows after the commit (woken by the
 * commit, and every second anyway), so a restart or a webhook that is down loses nothing. A 2xx answer
 * completes a delivery; a connection error, a 408, a 429 or a 5xx is tried again after 1 s, 2 s, 4 s … up to
 * {@code flagstaff.audit.webhook.max-backoff-seconds}, at most {@code flagstaff.audit.webhook.max-attempts}
 * times; another 4xx, or the last attempt failing, gives the delivery up with one warning. Each row is claimed
 * before it is sent, so instances that share the database do not send one event at the same time.
 */
@ApplicationScoped
public class WebhookSink {

    private static final Logger LOG = Logger.getLogger(WebhookSink.class.getName());
    static final String SIGNATURE_HEADER = "x-flipt-webhook-signature";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long LEASE_MICROS = 60_000_000L;
    private static final int BATCH = 50;

    /**
     * The server's default managed scheduled executor, looked up when the application has started: this bean
     * may be created earlier, by a write during the start (the bootstrap token), when a {@code @Resource}
     * field would not be injected on Payara.
     */
    private volatile ManagedScheduledExecutorService scheduler;

    @Inject
    AuditEvents events;

    @Inject
    AuditSettings settings;

    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean failing;
    private HttpClient http;
    private ScheduledFuture<?> task;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) throws NamingException {
        if (settings.webhookEnabled()) {
            scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
            task = scheduler.scheduleWithFixedDelay(this::deliverDue, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** A write committed: send its event now rather than at the next tick. */
    void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AuditRecorded event) {
        if (http != null && scheduler != null) {
            try {
                scheduler.execute(this::deliverDue);
            } catch (RuntimeException e) {
                // the executor is shutting down; the next start delivers what is left
            }
        }
    }

    /** Sends every due delivery; one pass at a time per instance (a wake-up during a pass runs one more). */
    void deliverDue() {
        if (!running.compareAndSet(false, true)) {
            again.set(true);
            return;
        }
        try {
            do {
                again.set(false);
                List<AuditDelivery> due;
                do {
                    due = events.due(Timestamps.nowMicros(), BATCH);
                    for (AuditDelivery delivery : due) {
                        deliver(delivery);
                    }
                } while (due.size() == BATCH);
            } while (again.get());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit webhook deliveries could not be read; trying again in a second", e);
        } finally {
            running.set(false);
        }
    }

    private void deliver(AuditDelivery delivery) {
        long now = Timestamps.nowMicros();
        if (!events.claim(delivery.eventId(), delivery.nextAttemptAt(), now + LEASE_MICROS)) {
            return; // another instance has it
        }
        AuditEvent event = events.find(delivery.eventId());
        if (event == null) {
            events.delivered(delivery.eventId());
            return;
        }
        String body = Messages.text(dev.flagstaff.audit.boundary.AuditEvent.of(event));
        int attempts = delivery.attempts() + 1;
        String failure = send(body);
        if (failure == null) {
            events.delivered(delivery.eventId());
            if (failing) {
                failing = false;
                LOG.info("Audit webhook " + settings.webhookUrl() + " accepts events again");
            }
            return;
        }
        boolean permanent = failure.startsWith("permanent: ");
        if (permanent || attempts >= settings.maxAttempts()) {
            events.delivered(delivery.eventId());
            LOG.warning("Audit webhook " + settings.webhookUrl() + " gave up on event " + event.id() + " ("
                    + event.type() + " " + event.action() + ") after " + attempts + " attempt(s): " + failure);
            return;
        }
        if (!failing) {
            failing = true;
            LOG.warning("Audit webhook " + settings.webhookUrl() + " failed (" + failure
                    + "); retrying with back-off, the write was not affected");
        }
        long backoff = Math.min(settings.maxBackoffMillis(), 1000L << Math.min(20, attempts - 1));
        events.retryAt(delivery.eventId(), attempts, Timestamps.nowMicros() + backoff * 1000L);
    }

    /** Null when the webhook took the event; otherwise why not ({@code permanent: …} when retrying is futile). */
    private String send(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.webhookUrl()))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        settings.signingSecret().ifPresent(secret -> request.header(SIGNATURE_HEADER, sign(secret, bytes)));
        try {
            int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return null;
            }
            boolean retry = status == 408 || status == 429 || status >= 500;
            return (retry ? "" : "permanent: ") + "HTTP status " + status;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (IllegalArgumentException e) {
            return "permanent: " + e.getMessage();
        }
    }

    /** HMAC-SHA256 of the body with the signing secret, lower-case hex (Flipt: {@code fmt.Sprintf("%x", …)}). */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
