package dev.flagstaff.segments.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.List;

/** A segment: table {@code segments}, unique by (namespace, key); its constraints in creation order. */
@Entity
@Table(name = "segments")
public class Segment {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "namespace_key", nullable = false)
    private String namespaceKey;

    @Column(name = "segment_key", nullable = false)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_type", nullable = false, length = 32)
    private MatchType matchType;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @OneToMany(mappedBy = "segment")
    @OrderBy("createdAt ASC, id ASC")
    private List<Constraint> constraints = new ArrayList<>();

    protected Segment() {
    }

    public Segment(String id, String namespaceKey, String key, String name, String description, MatchType matchType,
                   long now) {
        this.id = id;
        this.namespaceKey = namespaceKey;
        this.key = key;
        this.name = name;
        this.description = description;
        this.matchType = matchType;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, String description, MatchType matchType, long now) {
        this.name = name;
        this.description = description;
        this.matchType = matchType;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String namespaceKey() {
        return namespaceKey;
    }

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public MatchType matchType() {
        return matchType;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public List<Constraint> constraints() {
        return constraints;
    }
}
