package dev.flagstaff.flags.entity;

import jakarta.persistence.CascadeType;
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
import java.util.Optional;

/**
 * A flag: table {@code flags}, unique by (namespace, key). The surrogate {@code id} never leaves the
 * server; clients address a flag by namespace and key.
 */
@Entity
@Table(name = "flags")
public class Flag {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "namespace_key", nullable = false)
    private String namespaceKey;

    @Column(name = "flag_key", nullable = false)
    private String key;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "flag_type", nullable = false, length = 32)
    private FlagType type;

    /** A variant of this flag, or null. */
    @Column(name = "default_variant_id", length = 36)
    private String defaultVariantId;

    /** Compact JSON object text with at least one key, or null. */
    @Column(name = "metadata")
    private String metadata;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    @OneToMany(mappedBy = "flag", cascade = CascadeType.REMOVE)
    @OrderBy("createdAt ASC, key ASC")
    private List<Variant> variants = new ArrayList<>();

    protected Flag() {
    }

    public Flag(String id, String namespaceKey, String key, String name, String description, boolean enabled,
                FlagType type, String metadata, long now) {
        this.id = id;
        this.namespaceKey = namespaceKey;
        this.key = key;
        this.name = name;
        this.description = description;
        this.enabled = enabled;
        this.type = type;
        this.metadata = metadata;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void update(String name, String description, boolean enabled, String defaultVariantId, long now) {
        this.name = name;
        this.description = description;
        this.enabled = enabled;
        this.defaultVariantId = defaultVariantId;
        this.updatedAt = now;
    }

    public void replaceMetadata(String metadata) {
        this.metadata = metadata;
    }

    public void clearDefaultVariant(long now) {
        this.defaultVariantId = null;
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

    public boolean enabled() {
        return enabled;
    }

    public FlagType type() {
        return type;
    }

    public String defaultVariantId() {
        return defaultVariantId;
    }

    public String metadata() {
        return metadata;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }

    public List<Variant> variants() {
        return variants;
    }

    public Optional<Variant> defaultVariant() {
        if (defaultVariantId == null) {
            return Optional.empty();
        }
        return variants.stream().filter(v -> v.id().equals(defaultVariantId)).findFirst();
    }
}
