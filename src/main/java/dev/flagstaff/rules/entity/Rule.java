package dev.flagstaff.rules.entity;

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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/**
 * A targeting rule of a variant flag: table {@code rules}, its segments (in the order given) in
 * {@code rule_segments}, its distributions in creation order. Ranks of a flag's rules are always 1..n.
 */
@Entity
@Table(name = "rules")
public class Rule implements Ranked {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "flag_id", nullable = false)
    private Flag flag;

    @Column(name = "namespace_key", nullable = false)
    private String namespaceKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "segment_operator", nullable = false, length = 32)
    private SegmentOperator segmentOperator;

    @Column(name = "rule_rank", nullable = false)
    private int rank;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @ManyToMany
    @JoinTable(name = "rule_segments",
            joinColumns = @JoinColumn(name = "rule_id"),
            inverseJoinColumns = @JoinColumn(name = "segment_id"))
    @OrderColumn(name = "segment_index")
    private List<Segment> segments = new ArrayList<>();

    @OneToMany(mappedBy = "rule")
    @OrderBy("createdAt ASC, id ASC")
    private List<Distribution> distributions = new ArrayList<>();

    protected Rule() {
    }

    public Rule(String id, Flag flag, List<Segment> segments, SegmentOperator segmentOperator, int rank, long now) {
        this.id = id;
        this.flag = flag;
        this.namespaceKey = flag.namespaceKey();
        this.segments = new ArrayList<>(segments);
        this.segmentOperator = segmentOperator;
        this.rank = rank;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void retarget(List<Segment> segments, SegmentOperator segmentOperator, long now) {
        this.segments.clear();
        this.segments.addAll(segments);
        this.segmentOperator = segmentOperator;
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

    public SegmentOperator segmentOperator() {
        return segmentOperator;
    }

    public int rank() {
        return rank;
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

    public List<Distribution> distributions() {
        return distributions;
    }
}
