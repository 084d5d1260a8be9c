package dev.flagstaff.operations.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Flipt's health check answer (contract 9.3). */
@Schema(name = "HealthCheckResponse", description = "Flipt's health check (contract 9.3)")
public record HealthCheckResponse(@Schema(required = true, enumeration = "SERVING") String status) {

    static final HealthCheckResponse SERVING = new HealthCheckResponse("SERVING");
}
