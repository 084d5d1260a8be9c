package dev.flagstaff.flags.control;

import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.flags.boundary.CreateFlagRequest;
import dev.flagstaff.flags.boundary.CreateVariantRequest;
import dev.flagstaff.flags.boundary.UpdateFlagRequest;
import dev.flagstaff.flags.boundary.UpdateVariantRequest;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.persistence.Listing;
import dev.flagstaff.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

/**
 * Flags and their variants (contract sections 3.3 and 3.4). Every method is one transaction; returned flags
 * have their variants loaded.
 */
@ApplicationScoped
public class FlagService {

    @Inject
    Transactions transactions;

    public Page.Slice<Flag> list(String namespace, Page page) {
        return transactions.read(em -> Listing.page(
                em.createQuery("SELECT f FROM Flag f WHERE f.namespaceKey = :ns ORDER BY f.createdAt, f.key", Flag.class)
                        .setParameter("ns", namespace)
                        .setHint("eclipselink.batch", "f.variants"),
                em.createQuery("SELECT COUNT(f) FROM Flag f WHERE f.namespaceKey = :ns", Long.class)
                        .setParameter("ns", namespace),
                page, Flag::key, FlagService::loaded));
    }

    public Flag get(String namespace, String key) {
        return transactions.read(em -> loaded(require(em, namespace, key)));
    }

    public Flag create(String namespace, CreateFlagRequest request) {
        return transactions.write(namespace, em -> {
            NamespaceService.require(em, namespace);
            if (find(em, namespace, request.key()) != null) {
                throw notUnique(namespace, request.key());
            }
            Flag flag = new Flag(UUID.randomUUID().toString(), namespace, request.key(), request.name(),
                    request.description(), request.enabled(), request.type(), storedMetadata(request.metadata()),
                    Timestamps.nowMicros());
            Transactions.insertUnique(em, flag, () -> notUnique(namespace, request.key()));
            return flag;
        });
    }

    public Flag update(String namespace, String key, UpdateFlagRequest request) {
        return transactions.write(namespace, em -> {
            Flag flag = require(em, namespace, key);
            String defaultVariantId = request.defaultVariantId();
            if (defaultVariantId != null && !defaultVariantId.isEmpty()
                    && flag.variants().stream().noneMatch(v -> v.id().equals(defaultVariantId))) {
                throw ApiException.invalid("variant " + GoQuote.quote(defaultVariantId) + " not found for flag "
                        + GoQuote.quote(namespace + "/" + key));
            }
            flag.update(request.name(), request.description(), request.enabled(),
                    defaultVariantId == null || defaultVariantId.isEmpty() ? null : defaultVariantId,
                    Timestamps.nowMicros());
            if (request.metadata() != null) {
                flag.replaceMetadata(storedMetadata(request.metadata()));
            }
            return loaded(flag);
        });
    }

    /** Deletes a flag with its variants (and, through the schema, everything that hangs off it); idempotent. */
    public void delete(String namespace, String key) {
        transactions.write(namespace, em -> {
            Flag flag = find(em, namespace, key);
            if (flag != null) {
                em.remove(flag);
            }
            return null;
        });
    }

    public Variant createVariant(String namespace, String flagKey, CreateVariantRequest request) {
        return transactions.write(namespace, em -> {
            Flag flag = require(em, namespace, flagKey);
            if (flag.variants().stream().anyMatch(v -> v.key().equals(request.key()))) {
                throw variantNotUnique(namespace, flagKey, request.key());
            }
            Variant variant = new Variant(UUID.randomUUID().toString(), flag, request.key(), request.name(),
                    request.description(), request.attachment(), Timestamps.nowMicros());
            Transactions.insertUnique(em, variant, () -> variantNotUnique(namespace, flagKey, request.key()));
            return variant;
        });
    }

    public Variant updateVariant(String namespace, String flagKey, String id, UpdateVariantRequest request) {
        return transactions.write(namespace, em -> {
            Variant variant = findVariant(em, namespace, flagKey, id);
            if (variant == null) {
                throw ApiException.notFound("variant", request.key());
            }
            boolean clash = variant.flag().variants().stream()
                    .anyMatch(v -> !v.id().equals(id) && v.key().equals(request.key()));
            if (clash) {
                throw variantNotUnique(namespace, flagKey, request.key());
            }
            variant.update(request.key(), request.name(), request.description(), request.attachment(),
                    Timestamps.nowMicros());
            try {
                em.flush();
            } catch (RuntimeException e) {
                if (Transactions.isConstraintViolation(e)) {
                    throw variantNotUnique(namespace, flagKey, request.key());
                }
                throw e;
            }
            return variant;
        });
    }

    /** Deletes a variant, clearing the flag's default when it was that variant; idempotent. */
    public void deleteVariant(String namespace, String flagKey, String id) {
        transactions.write(namespace, em -> {
            Variant variant = findVariant(em, namespace, flagKey, id);
            if (variant != null) {
                Flag flag = variant.flag();
                if (id.equals(flag.defaultVariantId())) {
                    flag.clearDefaultVariant(Timestamps.nowMicros());
                }
                flag.variants().remove(variant);
                em.remove(variant);
            }
            return null;
        });
    }

    /** The flag, or Flipt's 404 {@code flag "<ns>/<key>" not found}. */
    public static Flag require(EntityManager em, String namespace, String key) {
        Flag flag = find(em, namespace, key);
        if (flag == null) {
            throw ApiException.notFound("flag", namespace + "/" + key);
        }
        return flag;
    }

    public static Flag find(EntityManager em, String namespace, String key) {
        return find(em, namespace, key, false);
    }

    /**
     * The flag with its row locked until the transaction ends, or null. Writes to a flag's rules and rollouts
     * take this lock first, so they apply one after the other and ranks stay consistent.
     */
    public static Flag lock(EntityManager em, String namespace, String key) {
        return find(em, namespace, key, true);
    }

    private static Flag find(EntityManager em, String namespace, String key, boolean lock) {
        var query = em.createQuery("SELECT f FROM Flag f WHERE f.namespaceKey = :ns AND f.key = :key", Flag.class)
                .setParameter("ns", namespace)
                .setParameter("key", key);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        List<Flag> found = query.getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static Variant findVariant(EntityManager em, String namespace, String flagKey, String id) {
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
