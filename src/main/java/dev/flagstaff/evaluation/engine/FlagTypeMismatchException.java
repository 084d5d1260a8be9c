package dev.flagstaff.evaluation.engine;

/**
 * A typed evaluation hit a flag of the other type (HTTP 400 / gRPC InvalidArgument). Message as Flipt:
 * {@code flag type BOOLEAN_FLAG_TYPE invalid} (the type named is the flag's actual type).
 */
public final class FlagTypeMismatchException extends InvalidEvaluationException {

    private static final long serialVersionUID = 1L;

    private final String flagKey;
    private final FlagType actualType;

    public FlagTypeMismatchException(String flagKey, FlagType actualType) {
        super("flag type " + actualType.name() + " invalid");
        this.flagKey = flagKey;
        this.actualType = actualType;
    }

    public String flagKey() {
        return flagKey;
    }

    /** The type the flag actually has. */
    public FlagType actualType() {
        return actualType;
    }
}
