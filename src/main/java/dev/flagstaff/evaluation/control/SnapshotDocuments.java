package dev.flagstaff.evaluation.control;

import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client-SDK snapshot document of contract section 9.5: its own enum names, the older shapes that
 * {@code x-flipt-accept-server-version} asks for, and its ETag.
 */
public final class SnapshotDocuments {

    /** What a client can read, from the version it says it accepts. */
    public enum Shape {
        /** Before 1.38.0: no ENTITY_ID constraint type, no default variant. Also when the header is absent. */
        BEFORE_1_38,
        /** 1.38.0 up to 1.47.0: no default variant. */
        BEFORE_1_47,
        /** 1.47.0 and later: everything. */
        CURRENT
    }

    private static final Pattern SEMVER = Pattern.compile("^v?(\\d+)\\.(\\d+)\\.(\\d+)");

    private SnapshotDocuments() {
    }

    /** The shape for a {@code x-flipt-accept-server-version} header; absent or unparsable means 1.37.1. */
    public static Shape shapeFor(String acceptServerVersion) {
        if (acceptServerVersion == null) {
            return Shape.BEFORE_1_38;
        }
        Matcher m = SEMVER.matcher(acceptServerVersion.trim());
        if (!m.find()) {
            return Shape.BEFORE_1_38;
        }
        long version = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1_000
                + Long.parseLong(m.group(3));
        if (version < 1_038_000) {
            return Shape.BEFORE_1_38;
        }
        return version < 1_047_000 ? Shape.BEFORE_1_47 : Shape.CURRENT;
    }

    /** {@code STRING_COMPARISON_TYPE} is {@code STRING_CONSTRAINT_COMPARISON_TYPE} in the snapshot. */
    static String constraintType(String comparisonType) {
        return comparisonType.replace("_COMPARISON_TYPE", "_CONSTRAINT_COMPARISON_TYPE");
    }

    /** {@code ALL_MATCH_TYPE} is {@code ALL_SEGMENT_MATCH_TYPE} in the snapshot. */
    static String matchType(String matchType) {
        return matchType.replace("_MATCH_TYPE", "_SEGMENT_MATCH_TYPE");
    }

    /** The document as a client of {@code shape} is sent it, as UTF-8 bytes. */
    static byte[] render(JsonObject current, Shape shape) {
        JsonObject document = shape == Shape.CURRENT ? current : older(current, shape);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = JsonP.PROVIDER.createWriter(out)) {
            writer.writeObject(document);
        }
        return out.toByteArray();
    }

    /** An opaque validator that changes whenever the namespace's content does: SHA-1 of the full document. */
    static String etag(byte[] currentRendering) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(currentRendering));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-1", e);
        }
    }

    private static JsonObject older(JsonObject current, Shape shape) {
        JsonArrayBuilder flags = JsonP.PROVIDER.createArrayBuilder();
        for (JsonValue value : current.getJsonArray("flags")) {
            JsonObjectBuilder flag = JsonP.PROVIDER.createObjectBuilder(value.asJsonObject());
            flag.remove("defaultVariant");
            if (shape == Shape.BEFORE_1_38) {
                flag.add("rules", withoutEntityIdType(value.asJsonObject().getJsonArray("rules"), false));
                flag.add("rollouts", withoutEntityIdType(value.asJsonObject().getJsonArray("rollouts"), true));
            }
            flags.add(flag);
        }
        return JsonP.PROVIDER.createObjectBuilder(current).add("flags", flags).build();
    }

    /** Rules or rollouts with every ENTITY_ID constraint type written as UNKNOWN. */
    private static JsonArray withoutEntityIdType(JsonArray items, boolean rollouts) {
        JsonArrayBuilder out = JsonP.PROVIDER.createArrayBuilder();
        for (JsonValue value : items) {
            JsonObject item = value.asJsonObject();
            if (rollouts && !item.containsKey("segment")) {
                out.add(item);
                continue;
            }
            JsonObject holder = rollouts ? item.getJsonObject("segment") : item;
            JsonArrayBuilder segments = JsonP.PROVIDER.createArrayBuilder();
            for (JsonValue s : holder.getJsonArray("segments")) {
                JsonArrayBuilder constraints = JsonP.PROVIDER.createArrayBuilder();
                for (JsonValue c : s.asJsonObject().getJsonArray("constraints")) {
                    JsonObject constraint = c.asJsonObject();
                    constraints.add("ENTITY_ID_CONSTRAINT_COMPARISON_TYPE".equals(constraint.getString("type"))
                            ? JsonP.PROVIDER.createObjectBuilder(constraint)
                                    .add("type", "UNKNOWN_CONSTRAINT_COMPARISON_TYPE").build()
                            : constraint);
                }
                segments.add(JsonP.PROVIDER.createObjectBuilder(s.asJsonObject()).add("constraints", constraints));
            }
            JsonObject changed = JsonP.PROVIDER.createObjectBuilder(holder).add("segments", segments).build();
            out.add(rollouts ? JsonP.PROVIDER.createObjectBuilder(item).add("segment", changed).build() : changed);
        }
        return out.build();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
