package dev.flagstaff.http;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Writes one JSON object with Flipt's encoding rules (contract section 1.2): scalars always present,
 * enums by name, nested objects and timestamps omitted when unset, float32 in its shortest form.
 */
public final class JsonOut {

    private final JsonGenerator g;

    public JsonOut(JsonGenerator generator) {
        this.g = generator;
    }

    /** Writes {@code value} as the top-level object. */
    public static void writeDocument(JsonGenerator generator, JsonWritable value) {
        generator.writeStartObject();
        value.writeTo(new JsonOut(generator));
        generator.writeEnd();
    }

    /** {@code value} as JSON text, for the few writers outside JAX-RS (a servlet filter). */
    public static String text(JsonWritable value) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JsonGenerator generator = jakarta.json.Json.createGenerator(text)) {
            writeDocument(generator, value);
        }
        return text.toString();
    }

    public JsonOut str(String name, String value) {
        g.write(name, value == null ? "" : value);
        return this;
    }

    public JsonOut bool(String name, boolean value) {
        g.write(name, value);
        return this;
    }

    public JsonOut int32(String name, int value) {
        g.write(name, value);
        return this;
    }

    public JsonOut float64(String name, double value) {
        g.write(name, value);
        return this;
    }

    /** A proto {@code float}: the shortest decimal that round-trips the float32, integral values without ".0". */
    public JsonOut float32(String name, float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            g.write(name, Float.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        } else {
            g.write(name, float32Number(value));
        }
        return this;
    }

    /** A finite float32 as the JSON number Flipt writes for it. */
    public static BigDecimal float32Number(float value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15f) {
            return BigDecimal.valueOf((long) value);
        }
        return new BigDecimal(Float.toString(value)).stripTrailingZeros();
    }

    public <E extends Enum<E>> JsonOut enumName(String name, E value) {
        g.write(name, value.name());
        return this;
    }

    /** A timestamp in microseconds since the epoch. */
    public JsonOut timestampMicros(String name, long micros) {
        g.write(name, Timestamps.formatMicros(micros));
        return this;
    }

    /** A nested message: omitted when null. */
    public JsonOut object(String name, JsonWritable value) {
        if (value != null) {
            g.writeStartObject(name);
            value.writeTo(this);
            g.writeEnd();
        }
        return this;
    }

    /** A {@code google.protobuf.Struct} or {@code Value}: omitted when null. */
    public JsonOut value(String name, JsonValue value) {
        if (value != null) {
            g.write(name, value);
        }
        return this;
    }

    /** A repeated message field: always present, {@code []} when empty. */
    public JsonOut array(String name, Collection<? extends JsonWritable> items) {
        g.writeStartArray(name);
        for (JsonWritable item : items) {
            g.writeStartObject();
            item.writeTo(this);
            g.writeEnd();
        }
        g.writeEnd();
        return this;
    }

    public JsonOut strings(String name, Collection<String> items) {
        g.writeStartArray(name);
        for (String item : items) {
            g.write(item);
        }
        g.writeEnd();
        return this;
    }

    /** A {@code map<string,string>} field: always present, {@code {}} when empty. */
    public JsonOut stringMap(String name, Map<String, String> map) {
        g.writeStartObject(name);
        map.forEach(g::write);
        g.writeEnd();
        return this;
    }
}
