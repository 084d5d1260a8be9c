package dev.flagstaff.rules.entity;

import dev.flagstaff.flags.entity.Variant;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** The share of a rule's matches that get one variant: table {@code distributions}; rollout is a float32. */
@Entity
@Table(name = "distributions")
public class Distribution {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "rule_id", nullable = false)
    private Rule rule;

    @ManyToOne(optional = false)
    @JoinColumn(name = "variant_id", nullable = false)
    private Variant variant;

    @Column(name = "rollout", nullable = false)
    private float rollout;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected Distribution() {
    }

    public Distribution(String id, Rule rule, Variant variant, float rollout, long now) {
        this.id = id;
        this.rule = rule;
        this.variant = variant;
        this.rollout = rollout;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(Variant variant, float rollout, long now) {
        this.variant = variant;
        this.rollout = rollout;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public Rule rule() {
        return rule;
    }

    public Variant variant() {
        return variant;
    }

    public float rollout() {
        return rollout;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }
}
