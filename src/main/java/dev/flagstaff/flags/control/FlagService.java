package dev.flagstaff.flags.control;

import dev.flagstaff.audit.control.AuditTrail;
import dev.flagstaff.flags.boundary.CreateFlagRequest;
import dev.flagstaff.flags.boundary.CreateVariantRequest;
import dev.flagstaff.flags.boundary.UpdateFlagRequest;
import dev.flagstaff.flags.boundary.UpdateVariantRequest;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Precondition;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.persistence.Listing;
import dev.flagstaff.persistence.UniqueKeys;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.UUID;

/**
 * Flags and their variants (contract sections 3.3 and 3.4). Every business method is one container-managed
 * JTA transaction; returned flags have their variants loaded.
 */
@Stateless
public class FlagService {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    NamespaceService namespaces;

    @Inject
    UniqueKeys uniqueKeys;

    @Inject
    AuditTrail audit;

    public Page.Slice<Flag> list(String namespace, Page page) {
        return Listing.page(inNamespace(namespace),
                em.createQuery("SELECT COUNT(f) FROM Flag f WHERE f.namespaceKey = :ns", Long.class)
                        .setParameter("ns", namespace),
                page, Flag::key, FlagService::loaded);
    }

    /** Every flag of the namespace in list order, variants loaded (for the evaluation snapshot). */
    public List<Flag> all(String namespace) {
        List<Flag> flags = inNamespace(namespace).getResultList();
        flags.forEach(FlagService::loaded);
        return flags;
    }

    /** The flags of the namespace with these keys (those that exist), variants loaded (for a snapshot update). */
    public List<Flag> withKeys(String namespace, java.util.Collection<String> keys) {
        List<Flag> flags = em.createQuery("SELECT f FROM Flag f WHERE f.namespaceKey = :ns AND f.key IN :keys",
                        Flag.class)
                .setParameter("ns", namespace)
                .setParameter("keys", keys)
                .setHint("eclipselink.batch", "f.variants")
                .getResultList();
        flags.forEach(FlagService::loaded);
        return flags;
    }

    private TypedQuery<Flag> inNamespace(String namespace) {
        return em.createQuery("SELECT f FROM Flag f WHERE f.namespaceKey = :ns ORDER BY f.createdAt, f.key", Flag.class)
                .setParameter("ns", namespace)
                .setHint("eclipselink.batch", "f.variants");
    }

    public Flag get(String namespace, String key) {
        return loaded(require(namespace, key));
    }

    public Flag create(String namespace, CreateFlagRequest request) {
        namespaces.lockForWrite(namespace, request.key());
        namespaces.get(namespace);
        if (find(namespace, request.key(), false) != null) {
            throw notUnique(namespace, request.key());
        }
        Flag flag = new Flag(UUID.randomUUID().toString(), namespace, request.key(), request.name(),
                request.description(), request.enabled(), request.type(), storedMetadata(request.metadata()),
                Timestamps.nowMicros());
        uniqueKeys.insert(flag, () -> notUnique(namespace, request.key()));
        audit.created("flag", namespace, flag.key(), dev.flagstaff.flags.boundary.Flag.read(loaded(flag)));
        return flag;
    }

    public Flag update(String namespace, String key, UpdateFlagRequest request) {
        return update(namespace, key, request, Precondition.none());
    }

    /** Updates the flag if {@code ifMatch} holds for it once the namespace is locked. */
    public Flag update(String namespace, String key, UpdateFlagRequest request, Precondition<Flag> ifMatch) {
        namespaces.lockForWrite(namespace, key);
        // the flag's row is locked as well (SELECT … FOR UPDATE), so the If-Match check reads it as last
        // committed: on H2 a plain read right after the namespace lock was granted could still see the state
        // before the previous writer's commit, and two writers holding one ETag both won (ConcurrentEditsIT)
        Flag flag = find(namespace, key, true);
        if (flag == null) {
            throw ApiException.notFound("flag", namespace + "/" + key);
        }
        ifMatch.check(flag, "flag", namespace + "/" + key);
        String defaultVariantId = request.defaultVariantId();
        if (defaultVariantId != null && !defaultVariantId.isEmpty()
                && flag.variants().stream().noneMatch(v -> v.id().equals(defaultVariantId))) {
            throw ApiException.invalid("variant " + GoQuote.quote(defaultVariantId) + " not found for flag "
                    + GoQuote.quote(namespace + "/" + key));
        }
        var before = dev.flagstaff.flags.boundary.Flag.read(loaded(flag));
        flag.update(request.name(), request.description(), request.enabled(),
                defaultVariantId == null || defaultVariantId.isEmpty() ? null : defaultVariantId,
                Timestamps.nowMicros());
        if (request.metadata() != null) {
            flag.replaceMetadata(storedMetadata(request.metadata()));
        }
        audit.updated("flag", namespace, key, before, dev.flagstaff.flags.boundary.Flag.read(loaded(flag)));
        return loaded(flag);
    }

    /** Deletes a flag with its variants (and, through the schema, everything that hangs off it); idempotent. */
    public void delete(String namespace, String key) {
        delete(namespace, key, Precondition.none());
    }

    /** Deletes the flag if {@code ifMatch} holds for it (a missing flag fails any If-Match). */
    public void delete(String namespace, String key, Precondition<Flag> ifMatch) {
        namespaces.lockForWrite(namespace, key);
        Flag flag = find(namespace, key, true); // locked, as in update
        ifMatch.check(flag, "flag", namespace + "/" + key);
        if (flag != null) {
            var before = dev.flagstaff.flags.boundary.Flag.read(loaded(flag));
            em.remove(flag);
            audit.deleted("flag", namespace, key, before);
        }
    }

    public Variant createVariant(String namespace, String flagKey, CreateVariantRequest request) {
        namespaces.lockForWrite(namespace, flagKey);
        Flag flag = require(namespace, flagKey);
        if (flag.variants().stream().anyMatch(v -> v.key().equals(request.key()))) {
            throw variantNotUnique(namespace, flagKey, request.key());
        }
        Variant variant = new Variant(UUID.randomUUID().toString(), flag, request.key(), request.name(),
                request.description(), request.attachment(), Timestamps.nowMicros());
        uniqueKeys.insert(variant, () -> variantNotUnique(namespace, flagKey, request.key()));
        flag.variants().add(variant); // the flag stays whole for later steps of the same transaction (imports, copies)

        audit.created("variant", namespace, flagKey, dev.flagstaff.flags.boundary.Variant.of(variant));
        return variant;
    }

    public Variant updateVariant(String namespace, String flagKey, String id, UpdateVariantRequest request) {
        return updateVariant(namespace, flagKey, id, request, Precondition.none());
    }

    public Variant updateVariant(String namespace, String flagKey, String id, UpdateVariantRequest request,
                                 Precondition<Variant> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Variant variant = findVariant(namespace, flagKey, id);
        if (variant == null) {
            throw ApiException.notFound("variant", request.key());
        }
        ifMatch.check(variant, "variant", namespace + "/" + flagKey + "/" + id);
        boolean clash = variant.flag().variants().stream()
                .anyMatch(v -> !v.id().equals(id) && v.key().equals(request.key()));
        if (clash) {
            throw variantNotUnique(namespace, flagKey, request.key());
        }
        var before = dev.flagstaff.flags.boundary.Variant.of(variant);
        variant.update(request.key(), request.name(), request.description(), request.attachment(),
                Timestamps.nowMicros());
        uniqueKeys.flush(() -> variantNotUnique(namespace, flagKey, request.key()));
        audit.updated("variant", namespace, flagKey, before, dev.flagstaff.flags.boundary.Variant.of(variant));
        return variant;
    }

    /** Deletes a variant, clearing the flag's default when it was that variant; idempotent. */
    public void deleteVariant(String namespace, String flagKey, String id) {
        deleteVariant(namespace, flagKey, id, Precondition.none());
    }

    public void deleteVariant(String namespace, String flagKey, String id, Precondition<Variant> ifMatch) {
        namespaces.lockForWrite(namespace, flagKey);
        Variant variant = findVariant(namespace, flagKey, id);
        ifMatch.check(variant, "variant", namespace + "/" + flagKey + "/" + id);
        if (variant != null) {
            var before = dev.flagstaff.flags.boundary.Variant.of(variant);
            Flag flag = variant.flag();
            if (id.equals(flag.defaultVariantId())) {
                flag.clearDefaultVariant(Timestamps.nowMicros());
            }
            flag.variants().remove(variant);
            em.remove(variant);
            audit.deleted("variant", namespace, flagKey, before);
        }
    }

    /**
     * The flag with its row locked until the caller's transaction ends, or null. Writes to a flag's rules
     * and rollouts take this lock first, so they apply one after the other and ranks stay consistent.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Flag lock(String namespace, String key) {
        return find(namespace, key, true);
    }

    /** The flag, or Flipt's 404 {@code flag "<ns>/<key>" not found}. */
    private Flag require(String namespace, String key) {
        Flag flag = find(namespace, key, false);
        if (flag == null) {
            throw ApiException.notFound("flag", namespace + "/" + key);
        }
        return flag;
    }

    private Flag find(String namespace, String key, boolean lock) {
        var query = em.createQuery("SELECT f FROM Flag f WHERE f.namespaceKey = :ns AND f.key = :key", Flag.class)
                .setParameter("ns", namespace)
                .setParameter("key", key);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<Flag> found = query.getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private Variant findVariant(String namespace, String flagKey, String id) {
        Variant variant = em.find(Variant.class, id);
        if (variant == null || !variant.namespaceKey().equals(namespace) || !variant.flagKey().equals(flagKey)) {
            return null;
        }
        return variant;
    }

    private static Flag loaded(Flag flag) {
        flag.variants().size();
        return flag;
    }

    /** Metadata is stored only when it has at least one key. */
    private static String storedMetadata(JsonObject metadata) {
        return metadata == null || metadata.isEmpty() ? null : metadata.toString();
    }

    private static ApiException notUnique(String namespace, String key) {
        return ApiException.notUnique("flag", namespace + "/" + key);
    }

    private static ApiException variantNotUnique(String namespace, String flagKey, String key) {
        return ApiException.invalid("variant " + GoQuote.quote(key) + " is not unique for flag "
                + GoQuote.quote(namespace + "/" + flagKey));
    }
}
