package dev.flagstaff.http;

import jakarta.ejb.ApplicationException;

/**
 * An error a client is meant to see: its code and message go out unchanged in the contract's
 * {@code {"code","message","details"}} body. Thrown by validation and services; mapped by {@link ErrorMapper}.
 * Out of an EJB it comes unwrapped and rolls the transaction back: a refused request changes nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public class ApiException extends RuntimeException {

    private final Code code;

    public ApiException(Code code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public Code code() {
        return code;
    }

    public static ApiException invalid(String message) {
        return new ApiException(Code.INVALID_ARGUMENT, message);
    }

    /** {@code invalid field <field>: <reason>}, Flipt's field validation message. */
    public static ApiException invalidField(String field, String reason) {
        return invalid("invalid field " + field + ": " + reason);
    }

    public static ApiException emptyField(String field) {
        return invalidField(field, "must not be empty");
    }

    public static ApiException notFound(String message) {
        return new ApiException(Code.NOT_FOUND, message);
    }

    /** {@code <what> "<quoted>" not found}, quoting as Go's %q does. */
    public static ApiException notFound(String what, String quoted) {
        return notFound(what + " " + GoQuote.quote(quoted) + " not found");
    }

    /** {@code <what> "<quoted>" is not unique}. */
    public static ApiException notUnique(String what, String quoted) {
        return invalid(what + " " + GoQuote.quote(quoted) + " is not unique");
    }

    /** JSON of the right syntax but the wrong types: Flipt's fixed message. */
    public static ApiException badJsonTypes() {
        return invalid("invalid values for key(s) in json body");
    }
}
