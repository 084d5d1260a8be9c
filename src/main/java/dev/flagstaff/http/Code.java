package dev.flagstaff.http;

/**
 * The gRPC status codes Flipt puts in its error body, with the HTTP status grpc-gateway maps each to
 * (contract section 1.5).
 */
public enum Code {
    CANCELLED(1, 499),
    UNKNOWN(2, 500),
    INVALID_ARGUMENT(3, 400),
    DEADLINE_EXCEEDED(4, 504),
    NOT_FOUND(5, 404),
    /** Flagstaff's own use: an {@code If-Match} that does not hold ({@link Precondition}); HTTP 412 as RFC 9110. */
    FAILED_PRECONDITION(9, 412),
    PERMISSION_DENIED(7, 403),
    /** A request body over {@code flagstaff.http.max-body-bytes}; Flipt's gRPC server answers one over its 4 MiB so. */
    RESOURCE_EXHAUSTED(8, 429),
    UNIMPLEMENTED(12, 501),
    INTERNAL(13, 500),
    UNAVAILABLE(14, 503),
    UNAUTHENTICATED(16, 401);

    private final int grpc;
    private final int http;

    Code(int grpc, int http) {
        this.grpc = grpc;
        this.http = http;
    }

    public int grpc() {
        return grpc;
    }

    public int http() {
        return http;
    }

    /** The code grpc-gateway would report for a bare HTTP status (used for JAX-RS's own errors). */
    public static Code forHttpStatus(int status) {
        return switch (status) {
            case 400, 406, 411, 413, 414, 415, 431 -> INVALID_ARGUMENT;
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 429 -> RESOURCE_EXHAUSTED;
            case 404 -> NOT_FOUND;
            case 412 -> FAILED_PRECONDITION;
            case 405, 501 -> UNIMPLEMENTED;
            case 503 -> UNAVAILABLE;
            case 504 -> DEADLINE_EXCEEDED;
            default -> INTERNAL;
        };
    }
}
