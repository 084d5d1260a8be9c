package dev.flagstaff.rules.boundary;

import dev.flagstaff.flags.control.Ranks;
import dev.flagstaff.http.JsonBody;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
import dev.flagstaff.http.Validate;
import dev.flagstaff.rules.control.CreateRule;
import dev.flagstaff.rules.control.DistributionFields;
import dev.flagstaff.rules.control.RuleService;
import dev.flagstaff.rules.control.UpdateRule;
import dev.flagstaff.segments.entity.SegmentOperator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules}: rules and distributions, contract sections 3.7 and
 * 3.8; the legacy routes ({@link LegacyRulesResource}) inherit every method with a null {@code ns}.
 * Service: {@link RuleService}; tables {@code rules}, {@code rule_segments}, {@code distributions}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    @Inject
    RuleService rules;

    @GET
    @Operation(operationId = "listRules")
    @Tag(name = "RulesService")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size; 0 or absent: everything",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, description = "deprecated: use pageToken",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY,
            schema = @Schema(type = SchemaType.STRING))
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.RuleList.class)))
    public JsonWritable list(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey, @Context UriInfo uri) {
        Query query = Query.of(uri);
        return RuleJson.list(rules.list(NamespaceKey.resolve(ns, query), flagKey, Page.from(query, true)));
    }

    @POST
    @Operation(operationId = "createRule")
    @Tag(name = "RulesService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.CreateRuleRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.Rule.class)))
    public JsonWritable create(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        CreateRule request = new CreateRule(b.string("segmentKey"), b.strings("segmentKeys"),
                b.enumValue("segmentOperator", SegmentOperator.class, SegmentOperator.PROTO_NAME), b.int32("rank"));
        return new RuleJson(rules.create(NamespaceKey.resolve(ns, b), flagKey, request));
    }

    @PUT
    @Operation(operationId = "orderRules")
    @Tag(name = "RulesService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.OrderRulesRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("order")
    public JsonWritable order(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        rules.order(NamespaceKey.resolve(ns, b), flagKey, Ranks.orderRequest("ruleIds", b.strings("ruleIds")));
        return JsonWritable.EMPTY;
    }

    @GET
    @Operation(operationId = "getRule")
    @Tag(name = "RulesService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.Rule.class)))
    @Path("{id}")
    public JsonWritable get(@PathParam("namespaceKey") String ns, @PathParam("id") String id, @Context UriInfo uri) {
        return new RuleJson(rules.get(NamespaceKey.resolve(ns, Query.of(uri)), id));
    }

    @PUT
    @Operation(operationId = "updateRule")
    @Tag(name = "RulesService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.UpdateRuleRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.Rule.class)))
    @Path("{id}")
    public JsonWritable update(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                               @PathParam("id") String id, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        UpdateRule request = UpdateRule.of(b.string("segmentKey"), b.strings("segmentKeys"),
                b.enumValue("segmentOperator", SegmentOperator.class, SegmentOperator.PROTO_NAME));
        return new RuleJson(rules.update(NamespaceKey.resolve(ns, b), flagKey, id, request));
    }

    @DELETE
    @Operation(operationId = "deleteRule")
    @Tag(name = "RulesService")
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{id}")
    public JsonWritable delete(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                               @PathParam("id") String id, @Context UriInfo uri) {
        rules.delete(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id);
        return JsonWritable.EMPTY;
    }

    @POST
    @Operation(operationId = "createDistribution")
    @Tag(name = "DistributionsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.CreateDistributionRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.Distribution.class)))
    @Path("{ruleId}/distributions")
    public JsonWritable createDistribution(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                           @PathParam("ruleId") String ruleId, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        return new DistributionJson(rules.createDistribution(NamespaceKey.resolve(ns, b), flagKey, ruleId,
                distributionFields(b)));
    }

    @PUT
    @Operation(operationId = "updateDistribution")
    @Tag(name = "DistributionsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.UpdateDistributionRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSchemas.Distribution.class)))
    @Path("{ruleId}/distributions/{id}")
    public JsonWritable updateDistribution(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                           @PathParam("ruleId") String ruleId, @PathParam("id") String id,
                                           JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        return new DistributionJson(rules.updateDistribution(NamespaceKey.resolve(ns, b), flagKey, ruleId, id,
                distributionFields(b)));
    }

    @DELETE
    @Operation(operationId = "deleteDistribution")
    @Tag(name = "DistributionsService")
    @Parameter(name = "variantId", in = ParameterIn.QUERY, description = "the distribution's variant", required = true,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{ruleId}/distributions/{id}")
    public JsonWritable deleteDistribution(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                           @PathParam("ruleId") String ruleId, @PathParam("id") String id,
                                           @Context UriInfo uri) {
        Query query = Query.of(uri);
        String variantId = query.string("variantId");
        Validate.notEmpty("variantId", variantId);
        rules.deleteDistribution(NamespaceKey.resolve(ns, query), flagKey, ruleId, id, variantId);
        return JsonWritable.EMPTY;
    }

    private static DistributionFields distributionFields(JsonBody b) {
        return new DistributionFields(b.string("variantId"), b.float32("rollout"));
    }
}
