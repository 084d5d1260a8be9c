package dev.flagstaff.http;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Pagination of management lists (contract section 1.6): {@code limit} 0 means everything, a
 * {@code pageToken} is standard padded base64 of {@code {"key":…,"offset":…}} and, when present, wins over
 * {@code offset}.
 *
 * @param limit  the page size, 0 for no limit
 * @param offset the index of the first item
 */
public record Page(int limit, int offset) {

    /** Every item: what a list request without paging parameters asks for. */
    public static final Page ALL = new Page(0, 0);

    /**
     * Reads {@code limit}, {@code offset} and {@code pageToken}.
     *
     * @param limitRequired Flipt's flag, segment and rule lists refuse a token or offset without a limit
     */
    public static Page from(Query query, boolean limitRequired) {
        int limit = query.int32("limit");
        int offset = query.int32("offset");
        String token = query.string("pageToken");
        if (limit < 0) {
            throw ApiException.invalidField("limit", "must not be negative");
        }
        if (offset < 0) {
            throw ApiException.invalidField("offset", "must not be negative");
        }
        if (limitRequired && limit == 0 && (!token.isEmpty() || offset > 0)) {
            throw ApiException.invalid("limit must be set when offset or pageToken is set");
        }
        if (!token.isEmpty()) {
            offset = decodeOffset(token);
        }
        return new Page(limit, offset);
    }

    /** How many rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return limit == 0 ? 0 : limit + 1;
    }

    /**
     * Cuts {@code fetched} (read with {@link #fetchSize()} from {@link #offset()}) to the page and works out
     * the token of the next page from the key of its first item.
     */
    public <T> Slice<T> slice(List<T> fetched, java.util.function.Function<T, String> keyOf, long totalCount) {
        if (limit > 0 && fetched.size() > limit) {
            String next = encode(keyOf.apply(fetched.get(limit)), offset + limit);
            return new Slice<>(List.copyOf(fetched.subList(0, limit)), next, totalCount);
        }
        return new Slice<>(List.copyOf(fetched), "", totalCount);
    }

    /** One page of a list: the items, the next page's token ({@code ""} on the last page), the total. */
    public record Slice<T>(List<T> items, String nextPageToken, long totalCount) {
    }

    static String encode(String key, int offset) {
        var json = JsonP.PROVIDER.createObjectBuilder();
        if (key != null && !key.isEmpty()) {
            json.add("key", key);
        }
        if (offset != 0) {
            json.add("offset", offset);
        }
        String text = json.build().toString();
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static int decodeOffset(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            JsonValue value;
            try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
                value = reader.readValue();
            }
            if (value instanceof JsonObject object) {
                JsonValue offset = object.get("offset");
                JsonValue key = object.get("key");
                boolean keyOk = key == null || key.getValueType() == JsonValue.ValueType.NULL
                        || key instanceof JsonString;
                if (keyOk && (offset == null || offset.getValueType() == JsonValue.ValueType.NULL)) {
                    return 0;
                }
                if (keyOk && offset instanceof JsonNumber n && n.isIntegral() && n.longValue() >= 0
                        && n.longValue() <= Integer.MAX_VALUE) {
                    return n.intValue();
                }
            }
        } catch (RuntimeException e) {
            // not base64 or not JSON: the same answer as a token of the wrong shape
        }
        throw ApiException.invalid("pageToken is not valid: " + GoQuote.quote(token));
    }
}
