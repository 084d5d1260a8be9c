package dev.flagstaff.http;

import dev.flagstaff.evaluation.engine.GoStrings;

/**
 * Quotes a string the way Go's {@code %q} verb does, which is how Flipt quotes keys, ids and tokens in
 * its error messages ({@code flag "default/foo" not found}). The implementation is the evaluation engine's
 * ({@link GoStrings#quote}, checked against Go's own output), so there is one.
 */
public final class GoQuote {

    private GoQuote() {
    }

    public static String quote(String s) {
        return GoStrings.quote(s);
    }
}
