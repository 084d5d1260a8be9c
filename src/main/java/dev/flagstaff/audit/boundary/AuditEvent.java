package dev.flagstaff.audit.boundary;

import dev.flagstaff.http.Timestamps;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.StringReader;
import java.time.Instant;

/**
 * One audit event, shaped after Flipt's {@code audit.Event} ({@code internal/server/audit/events.go}, v1.59.3:
 * {@code version}, {@code type}, {@code action}, {@code metadata.actor}, {@code payload}, {@code timestamp}),
 * with what a queryable history needs besides: its {@code id}, the {@code namespaceKey} and {@code key} it is
 * about, and the resource as it was before the write ({@code previous}). The payload is the resource as
 * Flagstaff's API returns it (Flipt's sinks send a reduced copy); for a delete it is the deleted resource.
 * The same JSON goes to the API, the log sink, the webhook sink and the SSE stream.
 */
@Schema(name = "AuditEvent")
public record AuditEvent(
        @Schema(required = true, description = "increasing; also the SSE event id") String id,
        @Schema(required = true, description = "Flipt's audit event version, 0.2") String version,
        @Schema(required = true, enumeration = {"namespace", "flag", "variant", "segment", "constraint", "rule",
                "distribution", "rollout", "token"}) String type,
        @Schema(required = true, enumeration = {"created", "updated", "deleted"}) String action,
        @Schema(description = "absent for tokens") String namespaceKey,
        @Schema(description = "the key of the flag, segment or namespace the resource belongs to (a rule's "
                + "flag, a constraint's segment); a token's id") String key,
        @Schema(required = true) AuditMetadata metadata,
        @Schema(type = SchemaType.OBJECT, description = "the resource after the write; for a delete, the "
                + "deleted resource") JsonValue payload,
        @Schema(type = SchemaType.OBJECT, description = "the resource before an update or delete") JsonValue previous,
        @Schema(required = true, format = "date-time") Instant timestamp) {

    /** Flipt's event version ({@code eventVersion} in events.go). */
    public static final String VERSION = "0.2";

    public static AuditEvent of(dev.flagstaff.audit.entity.AuditEvent event) {
        AuditActor actor = new AuditActor(event.actorMethod() == null ? "none" : event.actorMethod(),
                event.actorId(), event.actorName(), event.actorEmail());
        return new AuditEvent(Long.toString(event.id()), VERSION, event.type(), event.action(),
                event.namespaceKey(), event.resourceKey(), new AuditMetadata(actor), json(event.payload()),
                json(event.previous()), Timestamps.fromMicros(event.occurredAt()));
    }

    private static JsonValue json(String text) {
        if (text == null) {
            return null;
        }
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }
}
