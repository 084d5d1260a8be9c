package dev.flagstaff.operations.boundary;

import dev.flagstaff.operations.control.Health;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** MicroProfile Health's report: {@code {"status":"UP"|"DOWN","checks":[{"name","status","data"}]}}. */
@Schema(name = "HealthReport", description = "MicroProfile Health's report: UP only when every check is UP")
public record HealthReport(
        @Schema(required = true, enumeration = {"UP", "DOWN"}) String status,
        @Schema(required = true) List<HealthCheck> checks) {

    static HealthReport of(List<Health.Check> checks) {
        boolean up = checks.stream().allMatch(Health.Check::up);
        return new HealthReport(status(up), checks.stream().map(check -> new HealthCheck(check.name(),
                status(check.up()), check.data().isEmpty() ? null : check.data())).toList());
    }

    boolean up() {
        return status.equals("UP");
    }

    private static String status(boolean up) {
        return up ? "UP" : "DOWN";
    }

    /** @param data null (left out) when the check has none */
    @Schema(name = "HealthCheck")
    public record HealthCheck(
            @Schema(required = true) String name,
            @Schema(required = true, enumeration = {"UP", "DOWN"}) String status,
            Map<String, String> data) {
    }
}
