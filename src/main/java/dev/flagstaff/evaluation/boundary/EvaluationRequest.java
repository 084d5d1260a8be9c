package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.http.JsonBody;
import dev.flagstaff.http.NamespaceKey;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code EvaluationRequest} as the evaluation routes read it: nothing is validated (contract 6.8).
 *
 * @param namespaceKey as sent, {@code ""} when absent (callers decide what that means)
 */
record EvaluationRequest(String requestId, String namespaceKey, String flagKey, String entityId,
                         Map<String, String> context) {

    static EvaluationRequest of(JsonBody body) {
        return new EvaluationRequest(body.string("requestId"), body.string("namespaceKey"), body.string("flagKey"),
                body.string("entityId"), body.stringMap("context"));
    }

    /** The {@code requests} array of a batch. */
    static List<EvaluationRequest> list(JsonBody body) {
        JsonValue raw = body.raw("requests");
        List<EvaluationRequest> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        if (raw.getValueType() != JsonValue.ValueType.ARRAY) {
            throw dev.flagstaff.http.ApiException.badJsonTypes();
        }
        for (JsonValue item : raw.asJsonArray()) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw dev.flagstaff.http.ApiException.badJsonTypes();
            }
            out.add(of(new JsonBody(item.asJsonObject())));
        }
        return out;
    }

    /** The namespace to evaluate in: this request's, or {@code default}. */
    String namespaceOrDefault() {
        return NamespaceKey.of(namespaceKey);
    }

    /** The client's request id, or a new UUID v4. */
    static String idOrNew(String requestId) {
        return requestId.isEmpty() ? UUID.randomUUID().toString() : requestId;
    }
}
