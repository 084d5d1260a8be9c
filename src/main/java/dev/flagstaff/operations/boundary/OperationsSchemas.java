package dev.flagstaff.operations.boundary;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schemas of the operational routes ({@code /meta}, {@code /health}). Nothing instantiates these
 * classes; {@link MetaResource} and {@link HealthResource} write the JSON they describe.
 */
public final class OperationsSchemas {

    private OperationsSchemas() {
    }

    @Schema(name = "Info", description = "What is running (contract 9.1)")
    public static final class Info {
        @Schema(required = true, description = "the Flipt API version served, e.g. `v1.59.3`")
        public String version;
        @Schema(description = "when the WAR was built, RFC 3339")
        public String buildDate;
        @Schema(required = true, description = "the Java runtime, e.g. `java 17.0.15` (Flipt's key for its runtime)")
        public String goVersion;
        @Schema(required = true)
        public boolean updateAvailable;
        @Schema(required = true)
        public boolean isRelease;
        public String os;
        public String arch;
        @Schema(required = true, description = "`{\"required\": bool}`")
        public Map<String, Boolean> authentication;
        @Schema(required = true, description = "`{\"type\": \"database\"}`")
        public Map<String, String> storage;
        @Schema(required = true, description = "`{\"version\": \"<Flagstaff's own version>\"}`")
        public Map<String, String> flagstaff;
    }

    @Schema(name = "Config", type = SchemaType.OBJECT, description = "The effective configuration, by Flipt's "
            + "top-level sections plus `flagstaff`; no password, secret or token values (contract 9.2)")
    public static final class Config {
    }

    @Schema(name = "HealthCheckResponse", description = "Flipt's health check (contract 9.3)")
    public static final class Serving {
        @Schema(required = true, enumeration = "SERVING")
        public String status;
    }

    @Schema(name = "HealthReport", description = "MicroProfile Health's report: UP only when every check is UP")
    public static final class Report {
        @Schema(required = true, enumeration = {"UP", "DOWN"})
        public String status;
        @Schema(required = true)
        public List<Check> checks;
    }

    @Schema(name = "HealthCheck")
    public static final class Check {
        @Schema(required = true)
        public String name;
        @Schema(required = true, enumeration = {"UP", "DOWN"})
        public String status;
        public Map<String, String> data;
    }
}
