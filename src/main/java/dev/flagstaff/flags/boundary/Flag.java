package dev.flagstaff.flags.boundary;

import dev.flagstaff.flags.entity.FlagType;
import dev.flagstaff.http.Timestamps;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;

/**
 * {@code flipt.Flag} (contract section 2.2). Where {@code metadata} appears follows Flipt: a read or update
 * shows it only when the flag has some, a list always shows it, a create echoes what the request sent.
 *
 * @param metadata the metadata to write, or null to leave the field out
 */
@Schema(name = "Flag", description = "A flag. `defaultVariant` is left out when the flag has none; `metadata` "
        + "is always in a list, and elsewhere only when the flag has metadata.")
public record Flag(
        @Schema(required = true) String key,
        @Schema(required = true) String name,
        @Schema(required = true) String description,
        @Schema(required = true) boolean enabled,
        @Schema(required = true, format = "date-time") Instant createdAt,
        @Schema(required = true, format = "date-time") Instant updatedAt,
        @Schema(required = true, description = "in creation order") List<Variant> variants,
        @Schema(required = true) String namespaceKey,
        @Schema(required = true, implementation = String.class, enumeration = {"VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"}) FlagType type,
        Variant defaultVariant,
        @Schema(type = SchemaType.OBJECT, description = "any JSON object") JsonObject metadata) {

    /** A flag as GET and PUT return it. */
    public static Flag read(dev.flagstaff.flags.entity.Flag flag) {
        return of(flag, stored(flag));
    }

    /** A flag as POST returns it: the metadata exactly as the request had it. */
    public static Flag created(dev.flagstaff.flags.entity.Flag flag, JsonObject requestMetadata) {
        return of(flag, requestMetadata);
    }

    /** A flag in a list: metadata always, {@code {}} when none. */
    static Flag listed(dev.flagstaff.flags.entity.Flag flag) {
        JsonObject metadata = stored(flag);
        return of(flag, metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata);
    }

    private static Flag of(dev.flagstaff.flags.entity.Flag flag, JsonObject metadata) {
        return new Flag(flag.key(), flag.name(), flag.description(), flag.enabled(),
                Timestamps.fromMicros(flag.createdAt()), Timestamps.fromMicros(flag.updatedAt()),
                flag.variants().stream().map(Variant::of).toList(), flag.namespaceKey(), flag.type(),
                flag.defaultVariant().map(Variant::of).orElse(null), metadata);
    }

    private static JsonObject stored(dev.flagstaff.flags.entity.Flag flag) {
        if (flag.metadata() == null) {
            return null;
        }
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(flag.metadata()))) {
            return reader.readObject();
        }
    }
}
