package dev.flagstaff.segments.control;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.Limits;
import dev.flagstaff.http.Validate;
import dev.flagstaff.segments.entity.ComparisonType;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which operators each constraint type allows, which take a value, and how a value is checked and stored:
 * contract section 3.6, in Flipt's order of checks.
 */
public final class ConstraintRules {


    private static final Set<String> NO_VALUE = Set.of("empty", "notempty", "true", "false", "present", "notpresent");

    private static final Map<ComparisonType, Set<String>> OPERATORS = Map.of(
            ComparisonType.STRING_COMPARISON_TYPE, Set.of("eq", "neq", "empty", "notempty", "prefix", "suffix",
                    "contains", "notcontains", "isoneof", "isnotoneof"),
            ComparisonType.NUMBER_COMPARISON_TYPE, Set.of("eq", "neq", "lt", "lte", "gt", "gte", "present",
                    "notpresent", "isoneof", "isnotoneof"),
            ComparisonType.BOOLEAN_COMPARISON_TYPE, Set.of("true", "false", "present", "notpresent"),
            ComparisonType.DATETIME_COMPARISON_TYPE, Set.of("eq", "neq", "lt", "lte", "gt", "gte", "present",
                    "notpresent", "isoneof", "isnotoneof"),
            ComparisonType.ENTITY_ID_COMPARISON_TYPE, Set.of("eq", "neq", "contains", "notcontains", "isoneof",
                    "isnotoneof"));

    /** RFC 3339 with an optional fraction of 1-9 digits, upper-case T and Z. */
    private static final Pattern RFC3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE_ONLY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private ConstraintRules() {
    }

    public static void validate(ComparisonType type, String property, String operator, String value) {
        Validate.notEmpty("property", property);
        Validate.maxLength("property", property, Validate.MAX_KEY_LENGTH);
        Validate.notEmpty("operator", operator);
        if (type == ComparisonType.UNKNOWN_COMPARISON_TYPE) {
            throw ApiException.invalid("invalid constraint type: " + GoQuote.quote(type.name()));
        }
        if (type == ComparisonType.ENTITY_ID_COMPARISON_TYPE && !"entityId".equals(property)) {
            throw ApiException.invalid("property is " + property + " instead of \"entityId\"");
        }
        String op = normalOperator(operator);
        if (!OPERATORS.get(type).contains(op)) {
            throw ApiException.invalid("constraint operator " + GoQuote.quote(operator) + " is not valid for type "
                    + type.label());
        }
        if (value.isEmpty()) {
            if (!NO_VALUE.contains(op)) {
                throw ApiException.emptyField("value");
            }
            return;
        }
        if (type == ComparisonType.DATETIME_COMPARISON_TYPE) {
            normalDatetime(value);
        } else if (op.equals("isoneof") || op.equals("isnotoneof")) {
            validateOneOf(type, property, value);
        }
    }

    public static String normalOperator(String operator) {
        return operator.toLowerCase(Locale.ROOT);
    }

    public static String normalValue(ComparisonType type, String operator, String value) {
        if (NO_VALUE.contains(normalOperator(operator))) {
            return "";
        }
        if (type == ComparisonType.DATETIME_COMPARISON_TYPE && !value.isEmpty()) {
            return normalDatetime(value);
        }
        return value;
    }

    /** RFC 3339 becomes UTC without fraction; a date stays as it is; anything else is Flipt's 400. */
    static String normalDatetime(String value) {
        try {
            if (DATE_ONLY.matcher(value).matches()) {
                LocalDate.parse(value);
                return value;
            }
            if (RFC3339.matcher(value).matches()) {
                return UTC_SECONDS.format(OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC)
                        .truncatedTo(ChronoUnit.SECONDS));
            }
        } catch (DateTimeParseException e) {
            // falls through to Flipt's message
        }
        throw ApiException.invalid("parsing datetime from " + GoQuote.quote(value));
    }

    private static void validateOneOf(ComparisonType type, String property, String value) {
        JsonValue parsed;
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(value))) {
            parsed = reader.readValue();
        } catch (RuntimeException e) {
            parsed = null;
        }
        boolean numbers = type == ComparisonType.NUMBER_COMPARISON_TYPE;
        boolean ok = parsed instanceof JsonArray array && array.stream()
                .allMatch(item -> numbers ? item instanceof JsonNumber : item instanceof JsonString);
        if (!ok) {
            throw ApiException.invalid("invalid value provided for property " + GoQuote.quote(property)
                    + " of type " + type.label());
        }
        int max = Limits.current().maxOneOfItems(); // Flipt's MAX_JSON_ARRAY_ITEMS (100) unless configured
        if (((JsonArray) parsed).size() > max) {
            throw ApiException.invalid("too many values provided for property " + GoQuote.quote(property)
                    + " of type " + type.label() + " (maximum " + max + ")");
        }
    }
}
