package dev.flagstaff.flags.boundary;

import dev.flagstaff.flags.control.CreateFlag;
import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.control.UpdateFlag;
import dev.flagstaff.flags.control.VariantFields;
import dev.flagstaff.flags.entity.FlagType;
import dev.flagstaff.http.JsonBody;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
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
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/v1/namespaces/{ns}/flags}: flags and variants, contract sections 3.3 and 3.4. The legacy
 * routes without the namespace ({@link LegacyFlagsResource}) inherit every method; there {@code ns} is
 * null and the namespace comes from the body or query. Service: {@link FlagService}; tables {@code flags},
 * {@code variants}.
 */
@ApplicationScoped
@Path("api/v1/namespaces/{ns}/flags")
@Produces(MediaType.APPLICATION_JSON)
public class FlagsResource {

    @Inject
    FlagService flags;

    @GET
    public JsonWritable list(@PathParam("ns") String ns, @Context UriInfo uri) {
        Query query = Query.of(uri);
        return FlagJson.list(flags.list(NamespaceKey.resolve(ns, query), Page.from(query, true)));
    }

    @POST
    public JsonWritable create(@PathParam("ns") String ns, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        CreateFlag request = new CreateFlag(b.string("key"), b.string("name"), b.string("description"),
                b.bool("enabled"), b.enumValue("type", FlagType.class, FlagType.PROTO_NAME), b.object("metadata"));
        return FlagJson.created(flags.create(NamespaceKey.resolve(ns, b), request), request.metadata());
    }

    @GET
    @Path("{key}")
    public JsonWritable get(@PathParam("ns") String ns, @PathParam("key") String key, @Context UriInfo uri) {
        return FlagJson.read(flags.get(NamespaceKey.resolve(ns, Query.of(uri)), key));
    }

    @PUT
    @Path("{key}")
    public JsonWritable update(@PathParam("ns") String ns, @PathParam("key") String key, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        UpdateFlag request = new UpdateFlag(b.string("name"), b.string("description"), b.bool("enabled"),
                b.string("defaultVariantId"), b.object("metadata"));
        return FlagJson.read(flags.update(NamespaceKey.resolve(ns, b), key, request));
    }

    @DELETE
    @Path("{key}")
    public JsonWritable delete(@PathParam("ns") String ns, @PathParam("key") String key, @Context UriInfo uri) {
        flags.delete(NamespaceKey.resolve(ns, Query.of(uri)), key);
        return JsonWritable.EMPTY;
    }

    @POST
    @Path("{flagKey}/variants")
    public JsonWritable createVariant(@PathParam("ns") String ns, @PathParam("flagKey") String flagKey,
                                      JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        return new VariantJson(flags.createVariant(NamespaceKey.resolve(ns, b), flagKey, variantFields(b)));
    }

    @PUT
    @Path("{flagKey}/variants/{id}")
    public JsonWritable updateVariant(@PathParam("ns") String ns, @PathParam("flagKey") String flagKey,
                                      @PathParam("id") String id, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        return new VariantJson(flags.updateVariant(NamespaceKey.resolve(ns, b), flagKey, id, variantFields(b)));
    }

    @DELETE
    @Path("{flagKey}/variants/{id}")
    public JsonWritable deleteVariant(@PathParam("ns") String ns, @PathParam("flagKey") String flagKey,
                                      @PathParam("id") String id, @Context UriInfo uri) {
        flags.deleteVariant(NamespaceKey.resolve(ns, Query.of(uri)), flagKey, id);
        return JsonWritable.EMPTY;
    }

    private static VariantFields variantFields(JsonBody b) {
        return new VariantFields(b.string("key"), b.string("name"), b.string("description"), b.string("attachment"));
    }
}
