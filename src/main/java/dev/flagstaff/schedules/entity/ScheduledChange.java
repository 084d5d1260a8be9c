package dev.flagstaff.schedules.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One scheduled change of a flag (table {@code scheduled_changes}). The change is kept as the JSON of its wire
 * message; times are microseconds since the epoch. Its state moves from PENDING to DONE or FAILED once, by the
 * claiming UPDATE of {@code schedules.control.ScheduleExecutor}, never through this object.
 */
@Entity
@Table(name = "scheduled_changes")
public class ScheduledChange {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "flag_id", nullable = false)
    private String flagId;

    @Column(name = "namespace_key", nullable = false)
    private String namespaceKey;

    @Column(name = "flag_key", nullable = false)
    private String flagKey;

    @Column(name = "run_at", nullable = false)
    private long runAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "change_type", nullable = false)
    private ChangeType changeType;

    @Column(name = "change_body", nullable = false)
    private String changeBody;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ScheduleState state;

    @Column(name = "reason")
    private String reason;

    @Column(name = "executed_at")
    private Long executedAt;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    protected ScheduledChange() {
    }

    public ScheduledChange(String id, String flagId, String namespaceKey, String flagKey, long runAt,
                           ChangeType changeType, String changeBody, long now) {
        this.id = id;
        this.flagId = flagId;
        this.namespaceKey = namespaceKey;
        this.flagKey = flagKey;
        this.runAt = runAt;
        this.changeType = changeType;
        this.changeBody = changeBody;
        this.state = ScheduleState.PENDING;
        this.createdAt = now;
    }

    public String id() {
        return id;
    }

    public String flagId() {
        return flagId;
    }

    public String namespaceKey() {
        return namespaceKey;
    }

    public String flagKey() {
        return flagKey;
    }

    public long runAt() {
        return runAt;
    }

    public ChangeType changeType() {
        return changeType;
    }

    public String changeBody() {
        return changeBody;
    }

    public ScheduleState state() {
        return state;
    }

    public String reason() {
        return reason;
    }

    public Long executedAt() {
        return executedAt;
    }

    public long createdAt() {
        return createdAt;
    }
}
