package dev.flagstaff.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorPageServletTest {

    @Test
    void eachStatusOfTheErrorPagesHasFliptsCodeAndAMessage() {
        assertEquals(3, Code.forHttpStatus(400).grpc());
        assertEquals(3, Code.forHttpStatus(411).grpc());
        assertEquals(3, Code.forHttpStatus(414).grpc());
        assertEquals(3, Code.forHttpStatus(431).grpc());
        assertEquals(5, Code.forHttpStatus(404).grpc());
        assertEquals(12, Code.forHttpStatus(405).grpc());
        assertEquals(13, Code.forHttpStatus(500).grpc());
        assertEquals(14, Code.forHttpStatus(503).grpc());
        assertEquals("Not Found", ErrorPageServlet.message(404));
        assertEquals("Method Not Allowed", ErrorPageServlet.message(405));
        assertEquals("URI Too Long", ErrorPageServlet.message(414));
        assertEquals("internal error", ErrorPageServlet.message(500));
    }
}
