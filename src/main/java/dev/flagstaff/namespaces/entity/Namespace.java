package dev.flagstaff.namespaces.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A namespace: table {@code namespaces}. Timestamps are microseconds since the epoch. */
@Entity
@Table(name = "namespaces")
public class Namespace {

    /** The namespace every installation starts with; it cannot be deleted without {@code force}. */
    public static final String DEFAULT = "default";

    @Id
    @Column(name = "namespace_key", length = 255)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "is_protected", nullable = false)
    private boolean protectedNamespace;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    /** Raised by every write to the namespace (see {@code NamespaceService#lockForWrite}); never sent to clients. */
    @Column(name = "revision", nullable = false)
    private long revision;

    protected Namespace() {
    }

    public Namespace(String key, String name, String description, long now) {
        this.key = key;
        this.name = name;
        this.description = description;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void rename(String name, String description, long now) {
        this.name = name;
        this.description = description;
        this.updatedAt = now;
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

    public boolean isProtected() {
        return protectedNamespace;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public long revision() {
        return revision;
    }
}
