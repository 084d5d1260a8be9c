package dev.flagstaff.rollouts.entity;

import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.segments.entity.Segment;
import dev.flagstaff.segments.entity.SegmentOperator;
import dev.flagstaff.flags.entity.Ranked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A rollout of a boolean flag: table {@code rollouts}. A threshold rollout has a percentage; a segment
 * rollout has segments ({@code rollout_segments}) and an operator. Both return {@code value} when they
 * match.
 */
@Entity
@Table(name = "rollouts")
public class Rollout implements Ranked {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "flag_id", nullable = false)
    private Flag flag;

    @Column(name = "namespace_key", nullable = false)
    private String namespaceKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "rollout_type", nullable = false, length = 32)
    private RolloutType type;

    @Column(name = "rollout_rank", nullable = false)
    private int rank;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "threshold_percentage")
    private Float percentage;

    @Enumerated(EnumType.STRING)
    @Column(name = "segment_operator", length = 32)
    private SegmentOperator segmentOperator;

    @Column(name = "rollout_value", nullable = false)
    private boolean value;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @ManyToMany
    @JoinTable(name = "rollout_segments",
            joinColumns = @JoinColumn(name = "rollout_id"),
            inverseJoinColumns = @JoinColumn(name = "segment_id"))
    @OrderColumn(name = "segment_index")
    private List<Segment> segments = new ArrayList<>();

    protected Rollout() {
    }

    public static Rollout threshold(String id, Flag flag, int rank, String description, float percentage,
                                    boolean value, long now) {
        Rollout rollout = new Rollout(id, flag, RolloutType.THRESHOLD_ROLLOUT_TYPE, rank, description, value, now);
        rollout.percentage = percentage;
        return rollout;
    }

    public static Rollout segment(String id, Flag flag, int rank, String description, List<Segment> segments,
                                  SegmentOperator operator, boolean value, long now) {
        Rollout rollout = new Rollout(id, flag, RolloutType.SEGMENT_ROLLOUT_TYPE, rank, description, value, now);
        rollout.segments = new ArrayList<>(segments);
        rollout.segmentOperator = operator;
        return rollout;
    }

    private Rollout(String id, Flag flag, RolloutType type, int rank, String description, boolean value, long now) {
        this.id = id;
        this.flag = flag;
        this.namespaceKey = flag.namespaceKey();
        this.type = type;
        this.rank = rank;
        this.description = description;
        this.value = value;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void updateThreshold(String description, float percentage, boolean value, long now) {
        this.description = description;
        this.percentage = percentage;
        this.value = value;
        this.updatedAt = now;
    }

    public void updateSegment(String description, List<Segment> segments, SegmentOperator operator, boolean value,
                              long now) {
        this.description = description;
        this.segments.clear();
        this.segments.addAll(segments);
        this.segmentOperator = operator;
        this.value = value;
        this.updatedAt = now;
    }

    @Override
    public boolean rank(int rank, long now) {
        if (this.rank == rank) {
            return false;
        }
        this.rank = rank;
        this.updatedAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    public Flag flag() {
        return flag;
    }

    public String flagKey() {
        return flag.key();
    }

    public String namespaceKey() {
        return namespaceKey;
    }

    public RolloutType type() {
        return type;
    }

    public int rank() {
        return rank;
    }

    public String description() {
        return description;
    }

    public float percentage() {
        return percentage == null ? 0f : percentage;
    }

    public SegmentOperator segmentOperator() {
        return segmentOperator == null ? SegmentOperator.OR_SEGMENT_OPERATOR : segmentOperator;
    }

    public boolean value() {
        return value;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public List<Segment> segments() {
        return segments;
    }
}
