package dev.flagstaff.auth.control;

import dev.flagstaff.auth.entity.Authentication;

import java.util.Map;

/**
 * An immutable copy of a stored authentication, safe to cache and to share between requests.
 *
 * @param namespace the namespace a scoped token is limited to, null when not scoped
 * @param expiresAt microseconds since the epoch, null when it never expires
 */
public record StoredToken(String id, String method, Role role, String namespace, Map<String, String> metadata,
                          Long expiresAt, long createdAt, long updatedAt) {

    static StoredToken of(Authentication a) {
        return new StoredToken(a.id(), a.method(), Role.parse(a.role()), a.namespaceKey(),
                Metadata.parse(a.metadata()), a.expiresAt(), a.createdAt(), a.updatedAt());
    }

    public boolean expiredAt(long nowMicros) {
        return expiresAt != null && expiresAt <= nowMicros;
    }
}
