package dev.flagstaff.schedules.boundary;

import dev.flagstaff.http.Messages;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
import dev.flagstaff.schedules.control.ScheduleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/namespaces/{namespaceKey}/flags/{flagKey}/schedules}: changes of a flag that run at a set time
 * (Flagstaff's own; Flipt v1 has none, flipt-io/flipt#2203). Service: {@link ScheduleService}; they run through
 * {@code schedules.control.ScheduleRunner}. Table {@code scheduled_changes}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{namespaceKey}/flags/{flagKey}/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulesResource {

    @Inject
    ScheduleService schedules;

    @GET
    @Operation(operationId = "listSchedules", summary = "The flag's scheduled changes, earliest first")
    @Tag(name = "SchedulesService")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "page size; 0 or absent: everything",
            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "offset", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
    @Parameter(name = "pageToken", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.STRING))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScheduleList.class)))
    public ScheduleList list(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                             @Context UriInfo uri) {
        Query query = Query.of(uri);
        return ScheduleList.of(schedules.list(NamespaceKey.resolve(ns, query), flagKey, Page.from(query, true)));
    }

    @POST
    @Operation(operationId = "createSchedule", summary = "Schedule a change of the flag")
    @Tag(name = "SchedulesService")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateScheduleRequest.class)))
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schedule.class)))
    public Schedule create(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                           CreateScheduleRequest request) {
        return Schedule.of(schedules.create(NamespaceKey.resolve(ns, ""), flagKey, request));
    }

    @GET
    @Operation(operationId = "getSchedule")
    @Tag(name = "SchedulesService")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Schedule.class)))
    @Path("{id}")
    public Schedule get(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                        @PathParam("id") String id, @Context UriInfo uri) {
        return Schedule.of(schedules.get(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id));
    }

    @DELETE
    @Operation(operationId = "deleteSchedule", summary = "Delete a schedule (a pending one then never runs)")
    @Tag(name = "SchedulesService")
    @APIResponse(responseCode = "200", description = "OK: an empty object",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT)))
    @Path("{id}")
    public Messages.Empty delete(@PathParam("namespaceKey") String ns, @PathParam("flagKey") String flagKey,
                                 @PathParam("id") String id, @Context UriInfo uri) {
        schedules.delete(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id);
        return Messages.Empty.INSTANCE;
    }
}
