package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.http.NamespaceKey;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code flipt.evaluation.EvaluationRequest} (contract 6.8): nothing is validated.
 *
 * @param namespaceKey as sent, {@code ""} when absent (callers decide what that means)
 */
@Schema(name = "EvaluationRequest", description = "Nothing is validated: a missing flag is a 404 (in a batch, "
        + "an error item).")
public record EvaluationRequest(
        @Schema(description = "echoed; a UUID is made when empty") String requestId,
        @Schema(defaultValue = "default") String namespaceKey,
        String flagKey,
        String entityId,
        Map<String, String> context,
        @Schema(description = "ignored (Flipt's storage reference)") String reference) {

    /** The namespace to evaluate in: this request's, or {@code default}. */
    String namespaceOrDefault() {
        return NamespaceKey.of(namespaceKey);
    }

    /**
     * The client's request id, or a new UUID v4. Flipt's request id has to be unique, not unpredictable, so its
     * 122 random bits come from {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}, whose
     * {@code SecureRandom} every request thread would queue on.
     */
    static String idOrNew(String requestId) {
        if (!requestId.isEmpty()) {
            return requestId;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }
}
