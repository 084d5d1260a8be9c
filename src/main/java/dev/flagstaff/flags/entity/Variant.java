package dev.flagstaff.flags.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A variant of a flag: table {@code variants}, unique by (flag, key). */
@Entity
@Table(name = "variants")
public class Variant {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "flag_id", nullable = false)
    private Flag flag;

    @Column(name = "namespace_key", nullable = false)
    private String namespaceKey;

    @Column(name = "variant_key", nullable = false)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    /** Compact JSON text, {@code ""} when none. */
    @Column(name = "attachment", nullable = false)
    private String attachment;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected Variant() {
    }

    public Variant(String id, Flag flag, String key, String name, String description, String attachment, long now) {
        this.id = id;
        this.flag = flag;
        this.namespaceKey = flag.namespaceKey();
        this.key = key;
        this.name = name;
        this.description = description;
        this.attachment = attachment;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String key, String name, String description, String attachment, long now) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.attachment = attachment;
        this.updatedAt = now;
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

    public String key() {
        return key;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String attachment() {
        return attachment;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }
}
