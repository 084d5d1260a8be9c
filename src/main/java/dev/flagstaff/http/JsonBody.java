package dev.flagstaff.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request body read the way Flipt's gateway (protojson) reads it (contract section 1.3): a field may be
 * given by its camelCase or its snake_case name (camelCase wins), {@code null} means absent, unknown fields
 * are ignored, and a value of the wrong JSON type is a 400 {@code invalid values for key(s) in json body}.
 * Absent scalars read as their proto default.
 */
public final class JsonBody {

    /** The body of a request that sent no bytes: every field at its default. */
    public static final JsonBody EMPTY = new JsonBody(JsonValue.EMPTY_JSON_OBJECT);

    private final JsonObject json;

    public JsonBody(JsonObject json) {
        this.json = json;
    }

    /** The body a resource method was given; containers may pass null for an empty request body. */
    public static JsonBody orEmpty(JsonBody body) {
        return body == null ? EMPTY : body;
    }

    /** The raw value under the camelCase name or its snake_case form; null when absent or JSON null. */
    public JsonValue raw(String camelName) {
        JsonValue value = json.get(camelName);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            value = json.get(snakeCase(camelName));
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
    }

    public boolean has(String camelName) {
        return raw(camelName) != null;
    }

    public String string(String name) {
        JsonValue value = raw(name);
        if (value == null) {
            return "";
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        throw ApiException.badJsonTypes();
    }

    public boolean bool(String name) {
        JsonValue value = raw(name);
        if (value == null || value == JsonValue.FALSE) {
            return false;
        }
        if (value == JsonValue.TRUE) {
            return true;
        }
        throw ApiException.badJsonTypes();
    }

    /** An int32: a JSON integer, or a string holding one. */
    public int int32(String name) {
        JsonValue value = raw(name);
        if (value == null) {
            return 0;
        }
        try {
            BigDecimal number = value instanceof JsonNumber n ? n.bigDecimalValue()
                    : value instanceof JsonString s ? new BigDecimal(s.getString().trim()) : null;
            if (number != null) {
                return number.intValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // falls through to the type error
        }
        throw ApiException.badJsonTypes();
    }

    /** A proto float: a JSON number, or a string holding one, {@code NaN}, {@code Infinity} or {@code -Infinity}. */
    public float float32(String name) {
        JsonValue value = raw(name);
        if (value == null) {
            return 0f;
        }
        if (value instanceof JsonNumber n) {
            return (float) n.doubleValue();
        }
        if (value instanceof JsonString s) {
            String text = s.getString();
            switch (text) {
                case "NaN": return Float.NaN;
                case "Infinity": return Float.POSITIVE_INFINITY;
                case "-Infinity": return Float.NEGATIVE_INFINITY;
                default:
                    try {
                        return (float) new BigDecimal(text.trim()).doubleValue();
                    } catch (NumberFormatException e) {
                        throw ApiException.badJsonTypes();
                    }
            }
        }
        throw ApiException.badJsonTypes();
    }

    /**
     * A proto enum given by symbolic name or number; absent means the zero value (the first constant).
     * An unknown name is Flipt's {@code unknown value "\"FOO\"" for enum flipt.FlagType}.
     */
    public <E extends Enum<E>> E enumValue(String name, Class<E> type, String protoName) {
        JsonValue value = raw(name);
        E[] constants = type.getEnumConstants();
        if (value == null) {
            return constants[0];
        }
        if (value instanceof JsonString s) {
            for (E constant : constants) {
                if (constant.name().equals(s.getString())) {
                    return constant;
                }
            }
        } else if (value instanceof JsonNumber n && n.isIntegral()) {
            int ordinal = n.intValue();
            if (ordinal >= 0 && ordinal < constants.length) {
                return constants[ordinal];
            }
        } else {
            throw ApiException.badJsonTypes();
        }
        throw ApiException.invalid("unknown value " + GoQuote.quote(value.toString()) + " for enum " + protoName);
    }

    /** A {@code google.protobuf.Struct}: a JSON object, or null when absent. */
    public JsonObject object(String name) {
        JsonValue value = raw(name);
        if (value == null) {
            return null;
        }
        if (value instanceof JsonObject object) {
            return object;
        }
        throw ApiException.badJsonTypes();
    }

    /** A nested message, read with the same rules; null when absent. */
    public JsonBody message(String name) {
        JsonObject object = object(name);
        return object == null ? null : new JsonBody(object);
    }

    /** A {@code repeated string}: {@code []} when absent. */
    public List<String> strings(String name) {
        JsonValue value = raw(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw ApiException.badJsonTypes();
        }
        List<String> out = new ArrayList<>(array.size());
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw ApiException.badJsonTypes();
            }
            out.add(s.getString());
        }
        return out;
    }

    /** A {@code map<string,string>}: every value a string; a JSON null value is kept as {@code ""}. */
    public Map<String, String> stringMap(String name) {
        JsonObject object = object(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (object == null) {
            return out;
        }
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            JsonValue item = entry.getValue();
            if (item instanceof JsonString s) {
                out.put(entry.getKey(), s.getString());
            } else if (item.getValueType() == JsonValue.ValueType.NULL) {
                out.put(entry.getKey(), "");
            } else {
                throw ApiException.badJsonTypes();
            }
        }
        return out;
    }

    static String snakeCase(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 4);
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                out.append('_').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
