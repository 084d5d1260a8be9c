package dev.flagstaff.evaluation.engine;

/**
 * The requested flag does not exist in the namespace (HTTP 404 / gRPC NotFound). Message as Flipt:
 * {@code flag "<ns>/<key>" not found}, where the quoted part is Go's {@code path.Join(ns, key)} formatted
 * with {@code %q} (so an empty key gives {@code flag "default" not found}).
 */
public final class FlagNotFoundException extends EvaluationException {

    private static final long serialVersionUID = 1L;

    private final String namespaceKey;
    private final String flagKey;

    public FlagNotFoundException(String namespaceKey, String flagKey) {
        super(message(namespaceKey, flagKey));
        this.namespaceKey = namespaceKey;
        this.flagKey = flagKey;
    }

    public String namespaceKey() {
        return namespaceKey;
    }

    public String flagKey() {
        return flagKey;
    }

    static String message(String namespaceKey, String flagKey) {
        return "flag " + GoStrings.quote(GoStrings.pathJoin(namespaceKey, flagKey)) + " not found";
    }
}
