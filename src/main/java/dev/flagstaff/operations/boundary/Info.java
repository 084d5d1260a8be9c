package dev.flagstaff.operations.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What is running, as Flipt's {@code GET /meta/info} answers (contract 9.1), with Flagstaff's own version under
 * {@code flagstaff}.
 *
 * @param buildDate null (left out) when unknown
 */
@Schema(name = "Info", description = "What is running (contract 9.1)")
public record Info(
        @Schema(required = true, description = "the Flipt API version served, e.g. `v1.59.3`") String version,
        @Schema(description = "when the WAR was built, RFC 3339") String buildDate,
        @Schema(required = true, description = "the Java runtime, e.g. `java 17.0.15` (Flipt's key for its runtime)")
        String goVersion,
        @Schema(required = true) boolean updateAvailable,
        @Schema(required = true) boolean isRelease,
        String os,
        String arch,
        @Schema(required = true) Authentication authentication,
        @Schema(required = true) Storage storage,
        @Schema(required = true) Flagstaff flagstaff) {

    @Schema(name = "InfoAuthentication")
    public record Authentication(@Schema(required = true) boolean required) {
    }

    @Schema(name = "InfoStorage")
    public record Storage(@Schema(required = true, enumeration = "database") String type) {
    }

    @Schema(name = "InfoFlagstaff")
    public record Flagstaff(@Schema(required = true, description = "Flagstaff's own version") String version) {
    }
}
