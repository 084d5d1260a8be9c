package dev.flagstaff.audit.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Who made a write: Flipt's {@code audit.Actor} ({@code internal/server/audit/events.go}, v1.59.3), whose
 * {@code authentication} is the method in lower case ({@code token}, {@code jwt}) or {@code none} when
 * authentication is off. Flagstaff adds {@code id}: the token's id, or the IdP subject.
 */
@Schema(name = "AuditActor")
public record AuditActor(
        @Schema(required = true, enumeration = {"none", "token", "jwt"}) String authentication,
        @Schema(description = "token id, or the IdP token's subject") String id,
        @Schema(description = "token name, or the IdP token's name claim") String name,
        @Schema(description = "the IdP token's email claim") String email) {
}
