package dev.flagstaff.http;

/**
 * A response body. Every API response type implements this and writes itself field by field in proto
 * field order, so the encoding rules of contract section 1.2 live in {@link JsonOut} alone.
 */
public interface JsonWritable {

    void writeTo(JsonOut out);

    /** {@code google.protobuf.Empty}: the body of every delete. */
    JsonWritable EMPTY = out -> { };
}
