package dev.flagstaff.segments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A constraint of a segment: table {@code segment_constraints}. The operator is stored lower-case and the
 * value normalised (contract section 3.6).
 */
@Entity
@Table(name = "segment_constraints")
public class Constraint {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "segment_id", nullable = false)
    private Segment segment;

    @Column(name = "namespace_key", nullable = false)
    private String namespaceKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "comparison_type", nullable = false, length = 32)
    private ComparisonType type;

    @Column(name = "property", nullable = false)
    private String property;

    @Column(name = "operator", nullable = false, length = 32)
    private String operator;

    @Column(name = "constraint_value", nullable = false)
    private String value;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected Constraint() {
    }

    public Constraint(String id, Segment segment, ComparisonType type, String property, String operator,
                      String value, String description, long now) {
        this.id = id;
        this.segment = segment;
        this.namespaceKey = segment.namespaceKey();
        this.type = type;
        this.property = property;
        this.operator = operator;
        this.value = value;
        this.description = description;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(ComparisonType type, String property, String operator, String value, String description,
                       long now) {
        this.type = type;
        this.property = property;
        this.operator = operator;
        this.value = value;
        this.description = description;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public Segment segment() {
        return segment;
    }

    public String segmentKey() {
        return segment.key();
    }

    public String namespaceKey() {
        return namespaceKey;
    }

    public ComparisonType type() {
        return type;
    }

    public String property() {
        return property;
    }

    public String operator() {
        return operator;
    }

    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }
}
