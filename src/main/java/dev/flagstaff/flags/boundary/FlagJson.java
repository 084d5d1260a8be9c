package dev.flagstaff.flags.boundary;

import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.http.JsonOut;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.Page;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;

/**
 * {@code flipt.Flag} (contract section 2.2). Where {@code metadata} appears follows Flipt: a read or update
 * shows it only when the flag has some, a list always shows it, a create echoes what the request sent.
 *
 * @param metadata the metadata to write, or null to leave the field out
 */
public record FlagJson(Flag flag, JsonObject metadata) implements JsonWritable {

    /** A flag as GET and PUT return it. */
    public static FlagJson read(Flag flag) {
        return new FlagJson(flag, stored(flag));
    }

    /** A flag as POST returns it: the metadata exactly as the request had it. */
    public static FlagJson created(Flag flag, JsonObject requestMetadata) {
        return new FlagJson(flag, requestMetadata);
    }

    public static JsonWritable list(Page.Slice<Flag> page) {
        return out -> out.array("flags", page.items().stream().map(FlagJson::listed).toList())
                .str("nextPageToken", page.nextPageToken())
                .int32("totalCount", (int) page.totalCount());
    }

    private static FlagJson listed(Flag flag) {
        JsonObject metadata = stored(flag);
        return new FlagJson(flag, metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata);
    }

    private static JsonObject stored(Flag flag) {
        if (flag.metadata() == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(flag.metadata()))) {
            return reader.readObject();
        }
    }

    @Override
    public void writeTo(JsonOut out) {
        out.str("key", flag.key())
                .str("name", flag.name())
                .str("description", flag.description())
                .bool("enabled", flag.enabled())
                .timestampMicros("createdAt", flag.createdAt())
                .timestampMicros("updatedAt", flag.updatedAt())
                .array("variants", flag.variants().stream().map(VariantJson::new).toList())
                .str("namespaceKey", flag.namespaceKey())
                .enumName("type", flag.type())
                .object("defaultVariant", flag.defaultVariant().map(VariantJson::new).orElse(null))
                .value("metadata", metadata);
    }
}
