package dev.flagstaff.flags.control;

import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Ranked;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rank bookkeeping shared by a flag's rules and rollouts, always run while the flag's row is locked
 * ({@link FlagService#lock}), so ranks stay 1..n under concurrent writes. Works in the caller's
 * transaction.
 */
@ApplicationScoped
public class Ranks {

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    /** The flag's items of {@code type} by rank. */
    public <T extends Ranked> List<T> ranked(Flag flag, Class<T> type) {
        return em.createQuery("SELECT r FROM " + type.getSimpleName() + " r WHERE r.flag = :flag "
                        + "ORDER BY r.rank, r.createdAt, r.id", type)
                .setParameter("flag", flag)
                .getResultList();
    }

    /** Removes {@code item} and ranks the flag's remaining items 1..n in their order. */
    public <T extends Ranked> void removeAndClose(Flag flag, T item, Class<T> type) {
        em.remove(item);
        em.flush();
        long now = Timestamps.nowMicros();
        List<T> rest = ranked(flag, type);
        for (int i = 0; i < rest.size(); i++) {
            rest.get(i).rank(i + 1, now);
        }
    }

    /**
     * Ranks the flag's items in the order of {@code ids}, which must name every one of them exactly once, so
     * that an order made from a stale list is refused rather than leaving two items with one rank.
     */
    public <T extends Ranked> void order(Flag flag, Class<T> type, String field,
                                                List<String> ids) {
        List<T> items = ranked(flag, type);
        Set<String> current = new HashSet<>();
        items.forEach(item -> current.add(item.id()));
        Set<String> requested = new HashSet<>(ids);
        if (requested.size() != ids.size() || !requested.equals(current)) {
            throw ApiException.invalidField(field, "must name each of the flag's " + items.size()
                    + " items exactly once");
        }
        long now = Timestamps.nowMicros();
        for (T item : items) {
            item.rank(ids.indexOf(item.id()) + 1, now);
        }
    }

    /** An order request names at least two ids (Flipt's message, {@code atleast} sic). */
    public static List<String> orderRequest(String field, List<String> ids) {
        if (ids.size() < 2) {
            throw ApiException.invalidField(field, "must contain atleast 2 elements");
        }
        return List.copyOf(ids);
    }
}
