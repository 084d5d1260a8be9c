package dev.flagstaff.evaluation.boundary;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationRequestTest {

    @Test
    void keepsTheClientsRequestId() {
        assertEquals("my-id", EvaluationRequest.idOrNew("my-id"));
    }

    @Test
    void makesDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = EvaluationRequest.idOrNew("");
            UUID uuid = UUID.fromString(id);
            assertEquals(id, uuid.toString());
            assertEquals(4, uuid.version());
            assertEquals(2, uuid.variant()); // IETF (RFC 4122) variant
            assertTrue(seen.add(id), "duplicate " + id);
        }
    }
}
