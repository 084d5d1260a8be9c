package dev.flagstaff.http;

import java.util.function.Function;

/**
 * The one place a write checks an {@code If-Match} ({@link IfMatch}) against the resource it is about to change.
 * A resource builds it from the request ({@code IfMatch.of(headers).on(Flag::read)}) and hands it to the service;
 * the service calls {@link #check} inside its transaction once it holds the write locks (the namespace's row, see
 * {@code NamespaceService.lockForWrite}) and has read the resource, so the ETag compared is that of the state the
 * write will change, and no other writer can change it in between. A failed check is a 412, code 9
 * {@code FAILED_PRECONDITION}, and, being an {@link ApiException}, rolls the transaction back.
 *
 * <p>Messages: {@code <what> "<name>" has changed} when the ETag differs, {@code <what> "<name>" does not exist}
 * when the resource is gone (a DELETE of a missing resource, which without {@code If-Match} is Flipt's idempotent
 * 200). A PUT of a missing resource keeps Flipt's 404: services look the resource up before they check.
 *
 * @param <T> the entity the service holds
 */
public final class Precondition<T> {

    /** The 412 response in the OpenAPI document. */
    public static final String FAILED = "If-Match does not hold: the resource changed since its ETag was read, or "
            + "no longer exists. Code 9 FAILED_PRECONDITION, e.g. `flag \"default/my-flag\" has changed`; nothing "
            + "was written.";

    private static final Precondition<Object> NONE = new Precondition<>(IfMatch.ABSENT, x -> null);

    private final IfMatch ifMatch;
    private final Function<? super T, ? extends Record> representation;

    Precondition(IfMatch ifMatch, Function<? super T, ? extends Record> representation) {
        this.ifMatch = ifMatch;
        this.representation = representation;
    }

    /** No condition: the write goes ahead (Flipt's behaviour). */
    @SuppressWarnings("unchecked")
    public static <T> Precondition<T> none() {
        return (Precondition<T>) NONE;
    }

    /**
     * Throws the 412 unless the condition holds for {@code current} (null when the resource does not exist).
     *
     * @param what the resource type as Flipt's messages name it, e.g. {@code flag}
     * @param name what identifies it, quoted as Go's {@code %q}, e.g. {@code default/my-flag}
     */
    public void check(T current, String what, String name) {
        if (!ifMatch.present()) {
            return;
        }
        if (current == null) {
            throw new ApiException(Code.FAILED_PRECONDITION, what + " " + GoQuote.quote(name) + " does not exist");
        }
        if (!ifMatch.matches(ETags.of(representation.apply(current)))) {
            throw new ApiException(Code.FAILED_PRECONDITION, what + " " + GoQuote.quote(name) + " has changed");
        }
    }
}
