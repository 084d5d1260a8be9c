package dev.flagstaff.http;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes every Flipt message, each one Java record, with the rules of Flipt's gateway (protojson;
 * contract sections 1.2 and 1.3). A record's components are its JSON fields in their order; the JSON name is the
 * component's name, or the {@code name} of its OpenAPI {@code @Schema} (e.g. {@code protected}), so the
 * document and the wire cannot disagree.
 *
 * <p>Reading: a field may be given by its camelCase or its snake_case name (camelCase wins), {@code null} means
 * absent, unknown fields are ignored, a value of the wrong JSON type is a 400 {@code invalid values for key(s) in
 * json body}. Absent fields read as their proto default: {@code ""}, {@code false}, {@code 0}, the first enum
 * constant, {@code []}, {@code {}}; absent messages and {@code Struct}s ({@link JsonObject}) as {@code null}. An
 * int32 or float may be a JSON string holding the number; an enum its name or number. The record's canonical
 * constructor then validates (the one place a message checks its own fields).
 *
 * <p>Writing: every field in component order; a {@code null} field is left out when its {@code @Schema} does not
 * mark it {@code required}, otherwise written as its default ({@code ""}, {@code []}, {@code {}}); enums by name,
 * {@link Instant}s in RFC 3339 UTC ({@link Timestamps}), float32 in its shortest form.
 *
 * <p>The reflection is done once per record type ({@link ClassValue}); reading and writing a message afterwards
 * costs one method-handle call per field, no lookups.
 */
public final class Messages {

    /** One generator factory for every message written here and in {@link MessageBodies}. */
    static final JsonGeneratorFactory GENERATORS = JsonP.PROVIDER.createGeneratorFactory(Map.of());

    private Messages() {
    }

    /** Reads {@code type} from a JSON object (the empty object for an empty body). */
    public static <R extends Record> R read(Class<R> type, JsonObject json) {
        return type.cast(CODECS.get(type).read(json));
    }

    /** Writes {@code message} as a JSON object: the top-level value, or an item of an open array. */
    public static void write(JsonGenerator generator, Record message) {
        CODECS.get(message.getClass()).write(generator, message);
    }

    /** {@code message} as JSON text, for the few writers outside JAX-RS (a servlet filter). */
    public static String text(Record message) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator generator = GENERATORS.createGenerator(text)) {
            write(generator, message);
        }
        return text.toString();
    }

    /** {@code google.protobuf.Empty}: the body of every delete, {@code {}}. */
    public record Empty() {
        public static final Empty INSTANCE = new Empty();
    }

    /** A proto {@code float} as the JSON number Flipt writes: the shortest decimal that round-trips the float32. */
    public static BigDecimal float32Number(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15f) {
            return BigDecimal.valueOf((long) value);
        }
        return new BigDecimal(Float.toString(value)).stripTrailingZeros();
    }

    /** {@code flagKey} → {@code flag_key}: the proto field name grpc-gateway also accepts. */
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

    // ---- per record type ---------------------------------------------------------------------------------

    private static final ClassValue<RecordCodec> CODECS = new ClassValue<>() {
        @Override
        protected RecordCodec computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type + " is not a record");
            }
            return new RecordCodec(type);
        }
    };

    /** One record type: its fields in order and its canonical constructor. */
    private static final class RecordCodec {
        private final Property[] properties;
        private final MethodHandle constructor;

        RecordCodec(Class<?> type) {
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
                RecordComponent[] components = type.getRecordComponents();
                properties = new Property[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    RecordComponent c = components[i];
                    types[i] = c.getType();
                    Field field = type.getDeclaredField(c.getName());
                    Schema schema = field.getAnnotation(Schema.class);
                    String name = schema != null && !schema.name().isEmpty() ? schema.name() : c.getName();
                    MethodHandle accessor = lookup.unreflect(c.getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    int maxLength = schema != null && schema.maxLength() != Integer.MAX_VALUE ? schema.maxLength() : 0;
                    properties[i] = new Property(name, snakeCase(name), schema != null && schema.required(),
                            accessor, codec(c.getGenericType(), name, maxLength));
                }
                constructor = lookup.findConstructor(type, MethodType.methodType(void.class, types))
                        .asSpreader(Object[].class, components.length)
                        .asType(MethodType.methodType(Object.class, Object[].class));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot map " + type, e);
            }
        }

        Object read(JsonObject json) {
            Object[] values = new Object[properties.length];
            for (int i = 0; i < properties.length; i++) {
                Property p = properties[i];
                values[i] = p.codec.read(p.raw(json));
            }
            try {
                return constructor.invokeExact(values);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        void write(JsonGenerator g, Object message) {
            g.writeStartObject();
            writeFields(g, message);
            g.writeEnd();
        }

        void writeFields(JsonGenerator g, Object message) {
            for (Property p : properties) {
                Object value;
                try {
                    value = p.accessor.invokeExact(message);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException(e);
                }
                if (value == null && !p.required) {
                    continue;
                }
                g.writeKey(p.name);
                p.codec.write(g, value);
            }
        }
    }

    private record Property(String name, String snakeName, boolean required, MethodHandle accessor, Codec codec) {
        /** The value under the camelCase name or, when that is absent or null, the snake_case one; null if none. */
        JsonValue raw(JsonObject json) {
            JsonValue value = json.get(name);
            if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
                value = json.get(snakeName);
            }
            return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value;
        }
    }

    // ---- per field type ----------------------------------------------------------------------------------

    /** How one Java type is read from (null: absent) and written to JSON (null: the type's default). */
    private interface Codec {
        Object read(JsonValue value);

        void write(JsonGenerator g, Object value);
    }

    /**
     * The codec of a field's type. Strings (also as list items and map values) are at most
     * {@link Limits#maxStringLength()} characters, unless the field declares a {@code @Schema(maxLength)} of its
     * own ({@code maxLength > 0}): the record's constructor checks that one with Flipt's message (variant
     * attachments, {@link JsonText}).
     */
    private static Codec codec(Type type, String field, int maxLength) {
        if (type == String.class) {
            return new StringCodec(field, maxLength);
        }
        if (type == boolean.class) {
            return BOOL;
        }
        if (type == int.class) {
            return INT32;
        }
        if (type == float.class || type == Float.class) { // Float: the items of a repeated float
            return FLOAT32;
        }
        if (type == double.class) {
            return DOUBLE;
        }
        if (type == Instant.class) {
            return TIMESTAMP;
        }
        if (type == JsonObject.class) {
            return STRUCT;
        }
        if (type == JsonValue.class) {
            return VALUE;
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return new EnumCodec(c);
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return new MessageCodec(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ListCodec(codec(p.getActualTypeArguments()[0], field, maxLength));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] == String.class) {
            return new StringMapCodec(field, maxLength);
        }
        throw new IllegalArgumentException("no JSON mapping for " + type);
    }

    /** The longest string a field takes here: unlimited when it has a {@code maxLength} of its own. */
    private static int maxLength(int fieldMax) {
        return fieldMax > 0 ? Integer.MAX_VALUE : Limits.current().maxStringLength();
    }

    private record StringCodec(String field, int maxLength) implements Codec {
        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return "";
            }
            if (value instanceof JsonString s) {
                String text = s.getString();
                Limits.checkString(field, text, Messages.maxLength(maxLength));
                return text;
            }
            throw ApiException.badJsonTypes();
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write(value == null ? "" : (String) value);
        }
    }

    private static final Codec BOOL = new Codec() {
        @Override
        public Object read(JsonValue value) {
            if (value == null || value == JsonValue.FALSE) {
                return Boolean.FALSE;
            }
            if (value == JsonValue.TRUE) {
                return Boolean.TRUE;
            }
            throw ApiException.badJsonTypes();
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write((Boolean) value);
        }
    };

    /** An int32: a JSON integer, or a string holding one. */
    private static final Codec INT32 = new Codec() {
        @Override
        public Object read(JsonValue value) {
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

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write((Integer) value);
        }
    };

    /** A proto float: a JSON number, or a string holding one, {@code NaN}, {@code Infinity} or {@code -Infinity}. */
    private static final Codec FLOAT32 = new Codec() {
        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return 0f;
            }
            if (value instanceof JsonNumber n) {
                return (float) n.doubleValue();
            }
            if (value instanceof JsonString s) {
                switch (s.getString()) {
                    case "NaN": return Float.NaN;
                    case "Infinity": return Float.POSITIVE_INFINITY;
                    case "-Infinity": return Float.NEGATIVE_INFINITY;
                    default:
                        try {
                            return (float) new BigDecimal(s.getString().trim()).doubleValue();
                        } catch (NumberFormatException e) {
                            throw ApiException.badJsonTypes();
                        }
                }
            }
            throw ApiException.badJsonTypes();
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            float f = (Float) value;
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                g.write(Float.isNaN(f) ? "NaN" : f > 0 ? "Infinity" : "-Infinity");
            } else {
                g.write(float32Number(f));
            }
        }
    };

    /** A proto double (durations in milliseconds): written as Java prints it. */
    private static final Codec DOUBLE = new Codec() {
        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return 0.0;
            }
            if (value instanceof JsonNumber n) {
                return n.doubleValue();
            }
            throw ApiException.badJsonTypes();
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write((Double) value);
        }
    };

    /** A {@code google.protobuf.Timestamp}: RFC 3339 text, written in UTC; absent or {@code ""} reads as null. */
    private static final Codec TIMESTAMP = new Codec() {
        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return null;
            }
            if (value instanceof JsonString s) {
                if (s.getString().isEmpty()) {
                    return null;
                }
                try {
                    return java.time.OffsetDateTime.parse(s.getString()).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    throw ApiException.badJsonTypes();
                }
            }
            throw ApiException.badJsonTypes();
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write(Timestamps.format((Instant) value));
        }
    };

    /** A {@code google.protobuf.Struct}: any JSON object, kept as it came. */
    private static final Codec STRUCT = new Codec() {
        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return null;
            }
            if (value instanceof JsonObject object) {
                return object;
            }
            throw ApiException.badJsonTypes();
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write(value == null ? JsonValue.EMPTY_JSON_OBJECT : (JsonObject) value);
        }
    };

    /** A {@code google.protobuf.Value}: any JSON value, kept as it came. */
    private static final Codec VALUE = new Codec() {
        @Override
        public Object read(JsonValue value) {
            return value;
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write(value == null ? JsonValue.NULL : (JsonValue) value);
        }
    };

    /** A {@code map<string,string>}: every value a string; a JSON null value is kept as {@code ""}. */
    private record StringMapCodec(String field, int maxLength) implements Codec {
        @Override
        public Object read(JsonValue value) {
            Map<String, String> out = new LinkedHashMap<>();
            if (value == null) {
                return out;
            }
            if (!(value instanceof JsonObject object)) {
                throw ApiException.badJsonTypes();
            }
            int max = Messages.maxLength(maxLength);
            for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
                JsonValue item = entry.getValue();
                Limits.checkString(field, entry.getKey(), max);
                if (item instanceof JsonString s) {
                    Limits.checkString(field, s.getString(), max);
                    out.put(entry.getKey(), s.getString());
                } else if (item.getValueType() == JsonValue.ValueType.NULL) {
                    out.put(entry.getKey(), "");
                } else {
                    throw ApiException.badJsonTypes();
                }
            }
            return out;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void write(JsonGenerator g, Object value) {
            g.writeStartObject();
            if (value != null) {
                ((Map<String, String>) value).forEach(g::write);
            }
            g.writeEnd();
        }
    }

    /**
     * A proto enum, given by symbolic name or number; absent means the zero value (the first constant). An unknown
     * name is Flipt's {@code unknown value "\"FOO\"" for enum flipt.FlagType}, with the proto name from the enum's
     * {@code PROTO_NAME} constant (the Java name when it has none).
     */
    private static final class EnumCodec implements Codec {
        private final Object[] constants;
        private final String protoName;

        EnumCodec(Class<?> type) {
            constants = type.getEnumConstants();
            String name = type.getSimpleName();
            try {
                name = (String) type.getField("PROTO_NAME").get(null);
            } catch (ReflectiveOperationException e) {
                // no proto name declared: the Java name
            }
            protoName = name;
        }

        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return constants[0];
            }
            if (value instanceof JsonString s) {
                for (Object constant : constants) {
                    if (((Enum<?>) constant).name().equals(s.getString())) {
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

        @Override
        public void write(JsonGenerator g, Object value) {
            g.write(((Enum<?>) (value == null ? constants[0] : value)).name());
        }
    }

    /** A nested message: absent is null. */
    private static final class MessageCodec implements Codec {
        private final Class<?> type;

        MessageCodec(Class<?> type) {
            this.type = type;
        }

        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return null;
            }
            if (value instanceof JsonObject object) {
                return CODECS.get(type).read(object);
            }
            throw ApiException.badJsonTypes();
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            if (value == null) {
                g.writeStartObject().writeEnd();
            } else {
                CODECS.get(value.getClass()).write(g, value);
            }
        }
    }

    /** A repeated field: absent is {@code []}; every item must be of the element's JSON type. */
    private static final class ListCodec implements Codec {
        private final Codec items;

        ListCodec(Codec items) {
            this.items = items;
        }

        @Override
        public Object read(JsonValue value) {
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof JsonArray array)) {
                throw ApiException.badJsonTypes();
            }
            List<Object> out = new ArrayList<>(array.size());
            for (JsonValue item : array) {
                if (item.getValueType() == JsonValue.ValueType.NULL) {
                    throw ApiException.badJsonTypes();
                }
                out.add(items.read(item));
            }
            return out;
        }

        @Override
        public void write(JsonGenerator g, Object value) {
            g.writeStartArray();
            if (value != null) {
                for (Object item : (Collection<?>) value) {
                    items.write(g, item);
                }
            }
            g.writeEnd();
        }
    }
}
