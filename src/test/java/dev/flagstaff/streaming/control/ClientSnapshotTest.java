package dev.flagstaff.streaming.control;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientSnapshotTest {

    private static final String V1 = "{\"namespace\":{\"key\":\"ns\"},\"flags\":[{\"key\":\"f\",\"name\":\"Secret name\","
            + "\"description\":\"line one\\nline two\",\"enabled\":true,\"type\":\"VARIANT_FLAG_TYPE\","
            + "\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-02T00:00:00Z\","
            + "\"rules\":[{\"id\":\"r1\",\"segments\":[{\"key\":\"s\",\"name\":\"\",\"description\":\"\","
            + "\"matchType\":\"ANY_SEGMENT_MATCH_TYPE\",\"constraints\":[{\"id\":\"c1\",\"type\":\"ENTITY_ID_CONSTRAINT_COMPARISON_TYPE\","
            + "\"property\":\"p\",\"operator\":\"eq\",\"value\":\"v\\n\"}]}],\"rank\":1,\"segmentOperator\":\"OR_SEGMENT_OPERATOR\","
            + "\"distributions\":[{\"id\":\"\",\"ruleId\":\"\",\"variantId\":\"v1\",\"variantKey\":\"red\","
            + "\"variantAttachment\":\"{}\",\"rollout\":33.3}]}],\"rollouts\":[],"
            + "\"defaultVariant\":{\"id\":\"v1\",\"key\":\"red\",\"attachment\":\"{}\"}}]}";

    @Test
    void theV2DocumentHasFliptV2sFieldsInProtoOrder() {
        ClientSnapshot snapshot = ClientSnapshot.of(7, V1.getBytes(StandardCharsets.UTF_8), "d".repeat(40));
        assertEquals("{\"namespace\":{\"key\":\"ns\"},\"flags\":[{\"key\":\"f\",\"name\":\"\",\"description\":\"\","
                + "\"enabled\":true,\"type\":\"VARIANT_FLAG_TYPE\",\"createdAt\":\"2024-01-01T00:00:00Z\","
                + "\"updatedAt\":\"2024-01-02T00:00:00Z\",\"rules\":[{\"id\":\"r1\",\"segments\":[{\"key\":\"s\","
                + "\"name\":\"\",\"description\":\"\",\"matchType\":\"ANY_SEGMENT_MATCH_TYPE\",\"constraints\":["
                + "{\"type\":\"ENTITY_ID_CONSTRAINT_COMPARISON_TYPE\",\"property\":\"p\",\"operator\":\"eq\","
                + "\"value\":\"v\\n\"}]}],\"rank\":1,\"segmentOperator\":\"OR_SEGMENT_OPERATOR\",\"distributions\":["
                + "{\"ruleId\":\"r1\",\"variantKey\":\"red\",\"variantAttachment\":\"{}\",\"rollout\":33.3}]}],"
                + "\"rollouts\":[],\"defaultVariant\":{\"id\":\"v1\",\"key\":\"red\",\"attachment\":\"{}\"}}],"
                + "\"digest\":\"" + "d".repeat(40) + "\"}", new String(snapshot.document(), StandardCharsets.UTF_8));
        assertEquals(7, snapshot.generation());
    }

    @Test
    void aFrameIsOneLineHoldingTheDocumentAsResult() {
        ClientSnapshot snapshot = ClientSnapshot.of(1, V1.getBytes(StandardCharsets.UTF_8), "d".repeat(40));
        String frame = new String(snapshot.frame(), StandardCharsets.UTF_8);
        assertEquals("{\"result\":" + new String(snapshot.document(), StandardCharsets.UTF_8) + "}\n", frame);
        assertEquals(frame.length() - 1, frame.indexOf('\n'), "newlines inside values are escaped");
    }
}
