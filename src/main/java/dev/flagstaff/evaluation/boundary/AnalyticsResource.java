package dev.flagstaff.evaluation.boundary;

import dev.flagstaff.evaluation.control.EvaluationCounts;
import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.GoQuote;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Query;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /internal/v1/analytics/namespaces/{namespaceKey}/flags/{flagKey}?from=&to=}: how often a flag was
 * evaluated over time, Flipt's {@code AnalyticsService.GetFlagEvaluationsCount} (route and answer
 * {@code {"timestamps":[…],"values":[…]}} as in Flipt's {@code rpc/flipt/analytics}). The counts are this
 * instance's own ({@link EvaluationCounts}, kept in memory for a day by default). Buckets are one minute wide
 * for ranges up to four hours, 15 minutes up to a day, an hour beyond; each timestamp is its bucket's start.
 */
@ApplicationScoped
@Path("internal/v1/analytics/namespaces/{namespaceKey}/flags/{flagKey}")
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {

    private static final DateTimeFormatter FLIPT_UI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final long MAX_MINUTES = 31L * 24 * 60;

    @Inject
    EvaluationCounts counts;

    @GET
    @Operation(operationId = "getFlagEvaluationsCount", summary = "Evaluations of a flag over time")
    @Tag(name = "AnalyticsService")
    @Parameter(name = "from", in = ParameterIn.QUERY, required = true,
            description = "start, RFC 3339 or `yyyy-MM-dd HH:mm:ss` in UTC (as Flipt's UI sends it)",
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "to", in = ParameterIn.QUERY, required = true, description = "end, same formats; at most "
            + "31 days after `from`", schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = GetFlagEvaluationsCountResponse.class)))
    public GetFlagEvaluationsCountResponse count(@PathParam("namespaceKey") String namespaceKey, @PathParam("flagKey") String flagKey,
                              @Context UriInfo uri) {
        String namespace = NamespaceKey.key(namespaceKey);
        Query query = Query.of(uri);
        Instant from = instant(query.string("from"), "from");
        Instant to = instant(query.string("to"), "to");
        if (!to.isAfter(from)) {
            throw ApiException.invalid("to must be after from");
        }
        long span = (to.toEpochMilli() - from.toEpochMilli() + 59_999) / 60_000;
        if (span > MAX_MINUTES) {
            throw ApiException.invalid("the range from to to must not be longer than 31 days");
        }
        long step = span <= 240 ? 1 : span <= 1440 ? 15 : 60;
        long fromMinute = Math.floorDiv(from.toEpochMilli() / 60_000, step) * step;
        long toMinute = -Math.floorDiv(-(-Math.floorDiv(-to.toEpochMilli(), 60_000L)), step) * step; // rounded up
        long[] minutes = counts.perMinute(namespace, flagKey, fromMinute, toMinute);
        List<Instant> timestamps = new ArrayList<>();
        List<Float> values = new ArrayList<>();
        for (int i = 0; i < minutes.length; i += (int) step) {
            long sum = 0;
            for (int j = i; j < i + step && j < minutes.length; j++) {
                sum += minutes[j];
            }
            timestamps.add(Instant.ofEpochSecond((fromMinute + i) * 60));
            values.add((float) sum);
        }
        return new GetFlagEvaluationsCountResponse(timestamps, values);
    }

    private static Instant instant(String text, String field) {
        if (text.isEmpty()) {
            throw ApiException.emptyField(field);
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text, FLIPT_UI).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw ApiException.invalid("parsing field \"" + field + "\": " + GoQuote.quote(text)
                        + " is not a valid timestamp");
            }
        }
    }
}
