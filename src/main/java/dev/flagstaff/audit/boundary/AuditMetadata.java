package dev.flagstaff.audit.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Flipt's {@code audit.Metadata}: the actor of the event. */
@Schema(name = "AuditMetadata")
public record AuditMetadata(@Schema(required = true) AuditActor actor) {
}
