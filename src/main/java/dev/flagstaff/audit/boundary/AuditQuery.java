package dev.flagstaff.audit.boundary;

import dev.flagstaff.audit.control.AuditFilter;
import dev.flagstaff.auth.control.Caller;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;

/**
 * The query of {@code GET /api/v1/audit/events}, checked: filters {@code namespaceKey}, {@code type},
 * {@code key}, {@code actor}, {@code from}, {@code to} (RFC 3339), and Flipt's paging ({@code limit},
 * {@code pageToken}; default 100, at most 1000 events a page). The page token is Flipt's base64 JSON
 * {@code {"key":…,"offset":…}} whose key is the id of the next page's first event, so pages stay put while new
 * events arrive. A namespace-scoped token sees its namespace only.
 */
public record AuditQuery(AuditFilter filter, Page page) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Set<String> TYPES = Set.of("namespace", "flag", "variant", "segment", "constraint", "rule",
            "distribution", "rollout", "token");

    public static AuditQuery from(Query query) {
        String namespace = query.string("namespaceKey");
        String scope = Caller.current().namespace();
        if (!namespace.isEmpty()) {
            namespace = NamespaceKey.key(namespace);
        } else if (scope != null) {
            namespace = scope;
        }
        String type = query.string("type");
        if (!type.isEmpty() && !TYPES.contains(type)) {
            throw ApiException.invalidField("type", "must be one of " + String.join(", ", TYPES.stream().sorted().toList()));
        }
        Instant from = instant(query, "from");
        Instant to = instant(query, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        Page asked = Page.from(query, false);
        int limit = asked.limit() == 0 ? DEFAULT_LIMIT : asked.limit();
        if (limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be at most " + MAX_LIMIT);
        }
        String token = query.string("pageToken");
        Long upTo = token.isEmpty() ? null : tokenKey(token);
        Page page = new Page(limit, upTo == null ? asked.offset() : 0);
        return new AuditQuery(new AuditFilter(namespace, type, query.string("key"), query.string("actor"), from, to,
                upTo), page);
    }

    private static Instant instant(Query query, String name) {
        String value = query.string(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField(name, "must be an RFC 3339 timestamp, e.g. 2026-01-31T12:00:00Z");
        }
    }

    /** The event id a page token of this list names; a token of another shape is Flipt's 400. */
    private static Long tokenKey(String token) {
        try {
            String text = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
            try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(text))) {
                JsonObject json = reader.readObject();
                if (json.get("key") instanceof JsonString key) {
                    return Long.parseLong(key.getString());
                }
            }
        } catch (RuntimeException e) {
            // not base64, not JSON or not an id: the same answer as a token of the wrong shape
        }
        throw ApiException.invalid("pageToken is not valid: " + GoQuote.quote(token));
    }
}
