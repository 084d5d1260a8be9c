package dev.flagstaff.rules.boundary;

import dev.flagstaff.http.ETags;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.http.IfMatch;
import dev.flagstaff.http.Precondition;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import dev.flagstaff.http.Messages;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
import dev.flagstaff.http.Validate;
import dev.flagstaff.rules.control.RuleService;
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
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleList.class)))
    public RuleList list(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                         @Context UriInfo uri) {
        Query query = Query.of(uri);
        return RuleList.of(rules.list(NamespaceKey.resolve(ns, query), flagKey, Page.from(query, true)));
    }

    @POST
    @Operation(operationId = "createRule")
    @Tag(name = "RulesService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateRuleRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    public Response create(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                           CreateRuleRequest request) {
        return ETags.ok(Rule.of(rules.create(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey, request)));
    }

    @PUT
    @Operation(operationId = "orderRules")
    @Tag(name = "RulesService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderRulesRequest.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("order")
    public Messages.Empty order(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                OrderRulesRequest request) {
        rules.order(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey, request.ruleIds());
        return Messages.Empty.INSTANCE;
    }

    @GET
    @Operation(operationId = "getRule")
    @Tag(name = "RulesService")
    @Parameter(name = "reference", in = ParameterIn.QUERY, description = "ignored",
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{id}")
    public Response get(@PathParam("namespaceKey") String ns, @PathParam("id") String id, @Context UriInfo uri) {
        return ETags.ok(Rule.of(rules.get(NamespaceKey.resolve(ns, Query.of(uri)), id)));
    }

    @PUT
    @Operation(operationId = "updateRule")
    @Tag(name = "RulesService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateRuleRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Rule.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{id}")
    public Response update(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                           @PathParam("id") String id, UpdateRuleRequest request, @Context HttpHeaders headers) {
        return ETags.ok(Rule.of(rules.update(NamespaceKey.resolve(ns, request.namespaceKey()), flagKey, id, request,
                IfMatch.of(headers).on(Rule::of))));
    }

    @DELETE
    @Operation(operationId = "deleteRule")
    @Tag(name = "RulesService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{id}")
    public Messages.Empty delete(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                 @PathParam("id") String id, @Context UriInfo uri, @Context HttpHeaders headers) {
        rules.delete(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id, IfMatch.of(headers).on(Rule::of));
        return Messages.Empty.INSTANCE;
    }

    @POST
    @Operation(operationId = "createDistribution")
    @Tag(name = "DistributionsService")
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateDistributionRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Distribution.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{ruleId}/distributions")
    public Response createDistribution(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                       @PathParam("ruleId") String ruleId, CreateDistributionRequest request) {
        return ETags.ok(Distribution.of(rules.createDistribution(NamespaceKey.resolve(ns, request.namespaceKey()),
                flagKey, ruleId, request)));
    }

    @PUT
    @Operation(operationId = "updateDistribution")
    @Tag(name = "DistributionsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @RequestBody(required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateDistributionRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Distribution.class)),
            headers = @Header(name = ETags.HEADER, description = ETags.DESCRIPTION, schema = @Schema(type = SchemaType.STRING)))
    @Path("{ruleId}/distributions/{id}")
    public Response updateDistribution(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                       @PathParam("ruleId") String ruleId, @PathParam("id") String id,
                                       UpdateDistributionRequest request, @Context HttpHeaders headers) {
        return ETags.ok(Distribution.of(rules.updateDistribution(NamespaceKey.resolve(ns, request.namespaceKey()),
                flagKey, ruleId, id, request, IfMatch.of(headers).on(Distribution::of))));
    }

    @DELETE
    @Operation(operationId = "deleteDistribution")
    @Tag(name = "DistributionsService")
    @Parameter(name = IfMatch.HEADER, in = ParameterIn.HEADER, description = IfMatch.DESCRIPTION,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "412", description = Precondition.FAILED,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErrorMapper.ErrorBody.class)))
    @Parameter(name = "variantId", in = ParameterIn.QUERY, description = "the distribution's variant", required = true,
            schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{ruleId}/distributions/{id}")
    public Messages.Empty deleteDistribution(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                           @PathParam("ruleId") String ruleId, @PathParam("id") String id,
                                           @Context UriInfo uri, @Context HttpHeaders headers) {
        Query query = Query.of(uri);
        String variantId = query.string("variantId");
        Validate.notEmpty("variantId", variantId);
        rules.deleteDistribution(NamespaceKey.resolve(ns, query), flagKey, ruleId, id, variantId,
                IfMatch.of(headers).on(Distribution::of));
        return Messages.Empty.INSTANCE;
    }
}
