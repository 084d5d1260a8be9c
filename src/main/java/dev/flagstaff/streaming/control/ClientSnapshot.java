package dev.flagstaff.streaming.control;

import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One namespace as Flipt v2's client endpoints send it: the message {@code EvaluationNamespaceSnapshot} of Flipt
 * v2.11's {@code rpc/v2/evaluation/evaluationv2.proto}, in the JSON grpc-gateway writes (protojson with default
 * values emitted, lowerCamelCase names, fields in proto field order), built from the v1 client document
 * ({@code /internal/v1/evaluation/snapshot/namespace/{key}}) of the same immutable namespace state. Differences
 * from v1, as Flipt v2's {@code internal/storage/fs/snapshot.go} fills the message: flag and segment names and
 * descriptions are empty, constraints carry no id, a distribution carries its rule's id and no id or variant id,
 * and the snapshot ends with its {@code digest}.
 *
 * @param generation the namespace state's generation: a stream never replaces a newer snapshot by an older one
 * @param digest   the namespace state's content hash (the v1 route's ETag): 40 hex digits, as Flipt v2's SHA-1
 * @param document the snapshot, digest included, as compact UTF-8 JSON (one line)
 * @param frame    the stream's message for it: {@code {"result":<document>}} and a newline, as grpc-gateway frames
 *                 each message of a server stream
 */
public record ClientSnapshot(long generation, String digest, byte[] document, byte[] frame) {

    /**
     * The snapshot of a v1 client document ({@code SnapshotDocuments.Shape.CURRENT}) with {@code digest};
     * {@code generation} orders the snapshots of one namespace (a newer one has a greater generation).
     */
    public static ClientSnapshot of(long generation, byte[] v1Document, String digest) {
        JsonObject v1;
        try (JsonReader reader = JsonP.PROVIDER.createReader(new ByteArrayInputStream(v1Document))) {
            v1 = reader.readObject();
        }
        JsonObject v2 = convert(v1, digest);
        byte[] document = compact(v2);
        byte[] prefix = "{\"result\":".getBytes(StandardCharsets.US_ASCII);
        byte[] frame = new byte[prefix.length + document.length + 2];
        System.arraycopy(prefix, 0, frame, 0, prefix.length);
        System.arraycopy(document, 0, frame, prefix.length, document.length);
        frame[frame.length - 2] = '}';
        frame[frame.length - 1] = '\n';
        return new ClientSnapshot(generation, digest, document, frame);
    }

    static JsonObject convert(JsonObject v1, String digest) {
        JsonArrayBuilder flags = JsonP.PROVIDER.createArrayBuilder();
        for (JsonValue value : v1.getJsonArray("flags")) {
            flags.add(flag(value.asJsonObject()));
        }
        return JsonP.PROVIDER.createObjectBuilder()
                .add("namespace", JsonP.PROVIDER.createObjectBuilder()
                        .add("key", v1.getJsonObject("namespace").getString("key")))
                .add("flags", flags)
                .add("digest", digest)
                .build();
    }

    private static JsonObject flag(JsonObject f) {
        JsonArrayBuilder rules = JsonP.PROVIDER.createArrayBuilder();
        for (JsonValue value : f.getJsonArray("rules")) {
            JsonObject rule = value.asJsonObject();
            JsonArrayBuilder distributions = JsonP.PROVIDER.createArrayBuilder();
            for (JsonValue d : rule.getJsonArray("distributions")) {
                JsonObject distribution = d.asJsonObject();
                distributions.add(JsonP.PROVIDER.createObjectBuilder()
                        .add("ruleId", rule.getString("id"))
                        .add("variantKey", distribution.getString("variantKey"))
                        .add("variantAttachment", distribution.getString("variantAttachment"))
                        .add("rollout", distribution.get("rollout")));
            }
            rules.add(JsonP.PROVIDER.createObjectBuilder()
                    .add("id", rule.getString("id"))
                    .add("segments", segments(rule.getJsonArray("segments")))
                    .add("rank", rule.get("rank"))
                    .add("segmentOperator", rule.getString("segmentOperator"))
                    .add("distributions", distributions));
        }
        JsonArrayBuilder rollouts = JsonP.PROVIDER.createArrayBuilder();
        for (JsonValue value : f.getJsonArray("rollouts")) {
            JsonObject rollout = value.asJsonObject();
            JsonObjectBuilder item = JsonP.PROVIDER.createObjectBuilder()
                    .add("type", rollout.getString("type"))
                    .add("rank", rollout.get("rank"));
            if (rollout.containsKey("threshold")) {
                JsonObject threshold = rollout.getJsonObject("threshold");
                item.add("threshold", JsonP.PROVIDER.createObjectBuilder()
                        .add("percentage", threshold.get("percentage"))
                        .add("value", threshold.get("value")));
            } else {
                JsonObject segment = rollout.getJsonObject("segment");
                item.add("segment", JsonP.PROVIDER.createObjectBuilder()
                        .add("value", segment.get("value"))
                        .add("segmentOperator", segment.getString("segmentOperator"))
                        .add("segments", segments(segment.getJsonArray("segments"))));
            }
            rollouts.add(item);
        }
        JsonObjectBuilder flag = JsonP.PROVIDER.createObjectBuilder()
                .add("key", f.getString("key"))
                .add("name", "")
                .add("description", "")
                .add("enabled", f.get("enabled"))
                .add("type", f.getString("type"))
                .add("createdAt", f.getString("createdAt"))
                .add("updatedAt", f.getString("updatedAt"))
                .add("rules", rules)
                .add("rollouts", rollouts);
        if (f.containsKey("defaultVariant")) {
            JsonObject variant = f.getJsonObject("defaultVariant");
            flag.add("defaultVariant", JsonP.PROVIDER.createObjectBuilder()
                    .add("id", variant.getString("id"))
                    .add("key", variant.getString("key"))
                    .add("attachment", variant.getString("attachment")));
        }
        return flag.build();
    }

    private static JsonArray segments(JsonArray v1Segments) {
        JsonArrayBuilder out = JsonP.PROVIDER.createArrayBuilder();
        for (JsonValue value : v1Segments) {
            JsonObject segment = value.asJsonObject();
            JsonArrayBuilder constraints = JsonP.PROVIDER.createArrayBuilder();
            for (JsonValue c : segment.getJsonArray("constraints")) {
                JsonObject constraint = c.asJsonObject();
                constraints.add(JsonP.PROVIDER.createObjectBuilder()
                        .add("type", constraint.getString("type"))
                        .add("property", constraint.getString("property"))
                        .add("operator", constraint.getString("operator"))
                        .add("value", constraint.getString("value")));
            }
            out.add(JsonP.PROVIDER.createObjectBuilder()
                    .add("key", segment.getString("key"))
                    .add("name", "")
                    .add("description", "")
                    .add("matchType", segment.getString("matchType"))
                    .add("constraints", constraints));
        }
        return out.build();
    }

    private static byte[] compact(JsonObject object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = JsonP.PROVIDER.createWriter(out)) {
            writer.writeObject(object);
        }
        return out.toByteArray();
    }
}
