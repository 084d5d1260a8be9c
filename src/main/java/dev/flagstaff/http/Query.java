package dev.flagstaff.http;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/**
 * Query parameters read the way Flipt's gateway reads them (contract section 1.3): camelCase or snake_case
 * names, a scalar given twice is a 400, an unparsable value is a 400 with Go's parse message.
 */
public final class Query {

    private final MultivaluedMap<String, String> params;

    public Query(MultivaluedMap<String, String> params) {
        this.params = params;
    }

    public static Query of(UriInfo uriInfo) {
        return new Query(uriInfo.getQueryParameters(true));
    }

    /** The single value of a parameter, or null when absent. */
    public String raw(String camelName) {
        String name = camelName;
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            name = Messages.snakeCase(camelName);
            values = params.get(name);
        }
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ApiException.invalid("too many values for field " + GoQuote.quote(name) + ": "
                    + String.join(", ", values));
        }
        return values.get(0);
    }

    public String string(String name) {
        String value = raw(name);
        return value == null ? "" : value;
    }

    public int int32(String name) {
        String value = raw(name);
        if (value == null) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            String reason = isInteger(value) ? "value out of range" : "invalid syntax";
            throw ApiException.invalid("parsing field " + GoQuote.quote(name) + ": strconv.ParseInt: parsing "
                    + GoQuote.quote(value) + ": " + reason);
        }
    }

    /** Go's strconv.ParseBool: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
    public boolean bool(String name) {
        String value = raw(name);
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw ApiException.invalid("parsing field " + GoQuote.quote(name)
                    + ": strconv.ParseBool: parsing " + GoQuote.quote(value) + ": invalid syntax");
        };
    }

    private static boolean isInteger(String value) {
        return value.matches("[+-]?[0-9]+");
    }
}
