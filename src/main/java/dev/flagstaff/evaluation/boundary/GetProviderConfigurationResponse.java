package dev.flagstaff.evaluation.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * OFREP's provider configuration (contract 7), as Flipt answers it: no cache invalidation polling, string and
 * boolean flags. The nested messages keep Flipt's schema names.
 */
@Schema(name = "GetProviderConfigurationResponse")
public record GetProviderConfigurationResponse(
        @Schema(required = true) String name,
        @Schema(required = true) Capabilities capabilities) {

    static final GetProviderConfigurationResponse FLIPT = new GetProviderConfigurationResponse("flipt",
            new Capabilities(new CacheInvalidation(new Polling(false, 0)),
                    new OfrepFlagEvaluation(List.of("string", "boolean"))));

    @Schema(name = "Capabilities")
    public record Capabilities(
            @Schema(required = true) CacheInvalidation cacheInvalidation,
            @Schema(required = true) OfrepFlagEvaluation flagEvaluation) {
    }

    @Schema(name = "CacheInvalidation")
    public record CacheInvalidation(@Schema(required = true) Polling polling) {
    }

    @Schema(name = "Polling")
    public record Polling(
            @Schema(required = true) boolean enabled,
            @Schema(required = true, format = "uint32") int minPollingIntervalMs) {
    }

    @Schema(name = "FlagEvaluation")
    public record OfrepFlagEvaluation(@Schema(required = true) List<String> supportedTypes) {
    }
}
