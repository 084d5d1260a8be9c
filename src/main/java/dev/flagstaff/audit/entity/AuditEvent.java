package dev.flagstaff.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One recorded write: table {@code audit_events} (migration V20). Written once, never changed; removed only by
 * the retention task. {@code payload} and {@code previous} are JSON text of the resource after and before.
 */
@Entity
@Table(name = "audit_events")
public class AuditEvent {

    @Id
    @Column(name = "id")
    private long id;

    @Column(name = "event_type", nullable = false, length = 32)
    private String type;

    @Column(name = "action", nullable = false, length = 16)
    private String action;

    @Column(name = "namespace_key")
    private String namespaceKey;

    @Column(name = "resource_key")
    private String resourceKey;

    @Column(name = "actor_method", length = 32)
    private String actorMethod;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_name")
    private String actorName;

    @Column(name = "actor_email")
    private String actorEmail;

    @Column(name = "payload")
    private String payload;

    @Column(name = "previous")
    private String previous;

    @Column(name = "occurred_at", nullable = false)
    private long occurredAt;

    protected AuditEvent() {
    }

    public AuditEvent(long id, String type, String action, String namespaceKey, String resourceKey,
                      String actorMethod, String actorId, String actorName, String actorEmail,
                      String payload, String previous, long occurredAt) {
        this.id = id;
        this.type = type;
        this.action = action;
        this.namespaceKey = namespaceKey;
        this.resourceKey = resourceKey;
        this.actorMethod = actorMethod;
        this.actorId = actorId;
        this.actorName = actorName;
        this.actorEmail = actorEmail;
        this.payload = payload;
        this.previous = previous;
        this.occurredAt = occurredAt;
    }

    public long id() {
        return id;
    }

    public String type() {
        return type;
    }

    public String action() {
        return action;
    }

    public String namespaceKey() {
        return namespaceKey;
    }

    public String resourceKey() {
        return resourceKey;
    }

    public String actorMethod() {
        return actorMethod;
    }

    public String actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public String actorEmail() {
        return actorEmail;
    }

    public String payload() {
        return payload;
    }

    public String previous() {
        return previous;
    }

    public long occurredAt() {
        return occurredAt;
    }
}
