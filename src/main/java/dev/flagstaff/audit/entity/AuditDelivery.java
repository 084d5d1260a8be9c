package dev.flagstaff.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A webhook delivery still to make: table {@code audit_deliveries} (migration V20). {@code nextAttemptAt}
 * (microseconds) is when it is due and, moved forward by a lease, the claim of the instance sending it.
 */
@Entity
@Table(name = "audit_deliveries")
public class AuditDelivery {

    @Id
    @Column(name = "event_id")
    private long eventId;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private long nextAttemptAt;

    protected AuditDelivery() {
    }

    public AuditDelivery(long eventId, long nextAttemptAt) {
        this.eventId = eventId;
        this.attempts = 0;
        this.nextAttemptAt = nextAttemptAt;
    }

    public long eventId() {
        return eventId;
    }

    public int attempts() {
        return attempts;
    }

    public long nextAttemptAt() {
        return nextAttemptAt;
    }
}
