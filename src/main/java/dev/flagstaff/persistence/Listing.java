package dev.flagstaff.persistence;

import dev.flagstaff.http.Page;
import jakarta.persistence.TypedQuery;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** One page of a management list: the rows of the page (plus one, to know if more follow) and the total. */
public final class Listing {

    private Listing() {
    }

    /**
     * Runs {@code rows} for {@code page}, loads what each row needs while the EntityManager is open, and
     * cuts the page with the next page's token made from the key of its first row.
     */
    public static <T> Page.Slice<T> page(TypedQuery<T> rows, TypedQuery<Long> total, Page page,
                                         Function<T, String> keyOf, Consumer<T> load) {
        rows.setFirstResult(page.offset());
        if (page.fetchSize() > 0) {
            rows.setMaxResults(page.fetchSize());
        }
        List<T> found = rows.getResultList();
        found.forEach(load);
        return page.slice(found, keyOf, total.getSingleResult());
    }
}
