package dev.flagstaff.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored authentication (table {@code authentications}): one client token of the token method. The token
 * itself is never stored, only {@code tokenHash} (base64url SHA-256). Timestamps are microseconds since the
 * epoch; a null {@code expiresAt} never expires.
 */
@Entity
@Table(name = "authentications")
public class Authentication {

    @Id
    @Column(name = "id", length = 36)
    private String id;

    @Column(name = "method", nullable = false)
    private String method;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "role", nullable = false)
    private String role;

    @Column(name = "namespace_key")
    private String namespaceKey;

    @Column(name = "metadata", nullable = false)
    private String metadata;

    @Column(name = "expires_at")
    private Long expiresAt;

    @Column(name = "created_at", nullable = false)
    private long createdAt;

    @Column(name = "updated_at", nullable = false)
    private long updatedAt;

    protected Authentication() {
    }

    public Authentication(String id, String method, String tokenHash, String role, String namespaceKey,
                          String metadata, Long expiresAt, long now) {
        this.id = id;
        this.method = method;
        this.tokenHash = tokenHash;
        this.role = role;
        this.namespaceKey = namespaceKey;
        this.metadata = metadata;
        this.expiresAt = expiresAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void expire(long expiresAt, long now) {
        this.expiresAt = expiresAt;
        this.updatedAt = now;
    }

    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public String role() {
        return role;
    }

    public String namespaceKey() {
        return namespaceKey;
    }

    public String metadata() {
        return metadata;
    }

    public Long expiresAt() {
        return expiresAt;
    }

    public long createdAt() {
        return createdAt;
    }

    public long updatedAt() {
        return updatedAt;
    }
}
