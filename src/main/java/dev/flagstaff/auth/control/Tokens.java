package dev.flagstaff.auth.control;

import dev.flagstaff.audit.control.AuditTrail;
import dev.flagstaff.auth.entity.Authentication;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.persistence.UniqueKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Flipt's token method (contract 8.3 and 8.4): client tokens are 32 random bytes, base64url with padding,
 * handed out once; the table keeps only their SHA-256. Lookups are cached for
 * {@code flagstaff.auth.token-cache-seconds} so a request costs no query; this instance's own deletes and
 * expiries drop the cached entry once they committed, and expiry times are checked on every request.
 *
 * <p>A singleton session bean because it holds the cache; the cache is a concurrent map, so the container
 * takes no lock ({@code BEAN} concurrency). It starts with the application, after {@code Database} migrated,
 * to create the bootstrap token. Writes are container-managed JTA transactions.
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Tokens {

    public static final String METHOD_TOKEN = "METHOD_TOKEN";
    public static final String NAME = "io.flipt.auth.token.name";
    public static final String DESCRIPTION = "io.flipt.auth.token.description";
    public static final String NAMESPACE = "io.flipt.auth.token.namespace";
    public static final String ROLE = "io.flagstaff.auth.token.role";

    private static final Logger LOG = Logger.getLogger(Tokens.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int CACHE_LIMIT = 10_000;

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    @jakarta.inject.Inject
    AuditTrail audit;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile long cacheNanos = 5_000_000_000L;

    private record Cached(StoredToken token, long loadedAt) {
    }

    /** A new token: the client token (shown once) and what was stored. */
    public record Created(String clientToken, StoredToken authentication) {
    }

    /** One page of {@link #list}. */
    public record Listed(List<StoredToken> authentications, String nextPageToken) {
    }

    /** After the database is up: the bootstrap token exists if one is configured and no token does yet. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void start() {
        AuthSettings settings = AuthSettings.current();
        cacheNanos = settings.tokenCacheSeconds() * 1_000_000_000L;
        settings.bootstrapToken().ifPresent(this::bootstrap);
        if (settings.required() && settings.bootstrapToken().isEmpty()
                && !AuthSettings.idpConfigured(org.eclipse.microprofile.config.ConfigProvider.getConfig())) {
            LOG.warning("Authentication is required (" + AuthSettings.REQUIRED + ") but neither "
                    + AuthSettings.BOOTSTRAP_TOKEN + " nor an IdP (mp.jwt.verify.issuer) is configured: only client "
                    + "tokens created earlier can call Flagstaff");
        }
    }

    void bootstrap(String clientToken) {
        long existing = em.createQuery("SELECT COUNT(a) FROM Authentication a WHERE a.method = :m", Long.class)
                .setParameter("m", METHOD_TOKEN).getSingleResult();
        if (existing > 0) {
            return;
        }
        try {
            store(clientToken, "initial_bootstrap_token", "", null, "", Map.of(), Role.ADMIN);
            LOG.info("Flagstaff created the bootstrap token authentication (flagstaff.auth.bootstrap-token)");
        } catch (RuntimeException e) {
            if (!UniqueKeys.isConstraintViolation(e)) { // another instance created it first
                throw e;
            }
        }
    }

    public Created create(String name, String description, Long expiresAt, String namespace,
                          Map<String, String> metadata, Role role) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String clientToken = Base64.getUrlEncoder().encodeToString(bytes);
        return new Created(clientToken, store(clientToken, name, description, expiresAt, namespace, metadata, role));
    }

    /**
     * A browser session of a login method (OIDC): a new client token stored with the method's own metadata
     * (no token name), the role the login gave and its expiry. It is looked up, cached, expired and deleted like
     * any client token.
     */
    public Created createSession(String method, Map<String, String> metadata, Role role, long expiresAtMicros) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String clientToken = Base64.getUrlEncoder().encodeToString(bytes);
        Authentication row = new Authentication(UUID.randomUUID().toString(), method, hash(clientToken), role.key(),
                null, Metadata.format(metadata), expiresAtMicros, Timestamps.nowMicros());
        em.persist(row);
        em.flush();
        return new Created(clientToken, StoredToken.of(row));
    }

    private StoredToken store(String clientToken, String name, String description, Long expiresAt, String namespace,
                              Map<String, String> extra, Role role) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(NAME, name);
        if (!description.isEmpty()) {
            metadata.put(DESCRIPTION, description);
        }
        metadata.putAll(extra);
        // the columns are what Flagstaff enforces; the metadata shows them and cannot override them
        metadata.remove(NAMESPACE);
        if (!namespace.isEmpty()) {
            metadata.put(NAMESPACE, namespace);
        }
        metadata.put(ROLE, role.key());
        Authentication row = new Authentication(UUID.randomUUID().toString(), METHOD_TOKEN, hash(clientToken),
                role.key(), namespace.isEmpty() ? null : namespace, Metadata.format(metadata), expiresAt,
                Timestamps.nowMicros());
        em.persist(row);
        em.flush();
        StoredToken stored = StoredToken.of(row);
        audit.created("token", null, stored.id(), dev.flagstaff.auth.boundary.Authentication.of(stored));
        return stored;
    }

    /**
     * The live authentication of a client token; empty when unknown or expired. A cached answer takes no
     * transaction; a lookup reads outside one.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<StoredToken> authenticate(String clientToken) {
        String hash = hash(clientToken);
        long now = System.nanoTime();
        Cached cached = cache.get(hash);
        if (cached == null || now - cached.loadedAt() >= cacheNanos) {
            StoredToken token = em.createQuery("SELECT a FROM Authentication a WHERE a.tokenHash = :h",
                            Authentication.class)
                    .setParameter("h", hash).getResultList().stream().findFirst().map(StoredToken::of).orElse(null);
            if (cache.size() >= CACHE_LIMIT) {
                cache.clear();
            }
            cached = new Cached(token, now);
            cache.put(hash, cached);
        }
        StoredToken token = cached.token();
        return token == null || token.expiredAt(Timestamps.nowMicros()) ? Optional.empty() : Optional.of(token);
    }

    /** Ordered by creation; {@code method} null for every method. */
    public Listed list(String method, int limit, int offset) {
        var query = method == null
                ? em.createQuery("SELECT a FROM Authentication a ORDER BY a.createdAt, a.id", Authentication.class)
                : em.createQuery("SELECT a FROM Authentication a WHERE a.method = :m ORDER BY a.createdAt, a.id",
                Authentication.class).setParameter("m", method);
        List<StoredToken> fetched = new ArrayList<>();
        query.setFirstResult(offset).setMaxResults(limit + 1).getResultList()
                .forEach(a -> fetched.add(StoredToken.of(a)));
        if (fetched.size() > limit) {
            return new Listed(fetched.subList(0, limit), Integer.toString(offset + limit));
        }
        return new Listed(fetched, "");
    }

    public StoredToken get(String id) {
        Authentication row = em.find(Authentication.class, id);
        if (row == null) {
            throw ApiException.notFound("getting authentication by token: reading authentication: resource not found");
        }
        return StoredToken.of(row);
    }

    /** Idempotent. */
    public void delete(String id) {
        Authentication row = em.find(Authentication.class, id);
        if (row == null) {
            return;
        }
        var before = dev.flagstaff.auth.boundary.Authentication.of(StoredToken.of(row));
        em.createQuery("DELETE FROM Authentication a WHERE a.id = :id").setParameter("id", id).executeUpdate();
        forgetOnCommit(id);
        audit.deleted("token", null, id, before);
    }

    /** Sets the expiry of a stored authentication (the caller's own, for {@code /auth/v1/self/expire}). */
    public void expire(String id, long expiresAtMicros) {
        Authentication row = em.find(Authentication.class, id);
        if (row == null) {
            throw ApiException.notFound("getting authentication by token: reading authentication: resource not found");
        }
        var before = dev.flagstaff.auth.boundary.Authentication.of(StoredToken.of(row));
        row.expire(expiresAtMicros, Timestamps.nowMicros());
        forgetOnCommit(id);
        audit.updated("token", null, id, before, dev.flagstaff.auth.boundary.Authentication.of(StoredToken.of(row)));
    }

    /**
     * Drops the cached lookups of {@code id} once the transaction committed: dropped earlier, a concurrent
     * request could cache the row as it was before the change.
     */
    private void forgetOnCommit(String id) {
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    forget(id);
                }
            }
        });
    }

    private void forget(String id) {
        cache.entrySet().removeIf(e -> e.getValue().token() != null && e.getValue().token().id().equals(id));
    }

    /** SHA-256 of the client token, base64url with padding: the stored key. */
    static String hash(String clientToken) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(clientToken.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
