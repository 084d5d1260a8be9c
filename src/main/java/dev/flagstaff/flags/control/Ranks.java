package dev.flagstaff.flags.control;

import dev.flagstaff.http.ApiException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;

/**
 * Rank bookkeeping shared by a flag's rules and rollouts, run while the flag's row is locked
 * ({@link FlagService#lock}).
 */
public final class Ranks {

    private Ranks() {
    }

    /** Ranks {@code ordered} 1..n in the order given. */
    public static <T> void renumber(List<T> ordered, ObjIntConsumer<T> setRank) {
        for (int i = 0; i < ordered.size(); i++) {
            setRank.accept(ordered.get(i), i + 1);
        }
    }

    /** An order request names at least two ids (Flipt's message, {@code atleast} sic). */
    public static List<String> orderRequest(String field, List<String> ids) {
        if (ids.size() < 2) {
            throw ApiException.invalidField(field, "must contain atleast 2 elements");
        }
        return List.copyOf(ids);
    }

    /**
     * Every one of the flag's items must be named exactly once, so that an order made from a stale list is
     * refused rather than leaving two items with one rank.
     */
    public static <T> void checkFullOrder(String field, List<String> requested, List<T> current,
                                          Function<T, String> idOf) {
        Set<String> currentIds = new HashSet<>();
        current.forEach(item -> currentIds.add(idOf.apply(item)));
        Set<String> requestedIds = new HashSet<>(requested);
        if (requestedIds.size() != requested.size() || !requestedIds.equals(currentIds)) {
            throw ApiException.invalidField(field, "must name each of the flag's " + current.size()
                    + " items exactly once");
        }
    }
}
