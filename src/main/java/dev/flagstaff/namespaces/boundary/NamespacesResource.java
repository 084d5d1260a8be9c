package dev.flagstaff.namespaces.boundary;

import dev.flagstaff.http.JsonBody;
import dev.flagstaff.http.JsonWritable;
import dev.flagstaff.http.NamespaceKey;
import dev.flagstaff.http.Page;
import dev.flagstaff.http.Query;
import dev.flagstaff.namespaces.control.CreateNamespace;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.namespaces.control.UpdateNamespace;
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

/** {@code /api/v1/namespaces}: contract section 3.2. Service: {@link NamespaceService}; table {@code namespaces}. */
@ApplicationScoped
@Path("api/v1/namespaces")
@Produces(MediaType.APPLICATION_JSON)
public class NamespacesResource {

    @Inject
    NamespaceService namespaces;

    @GET
    public JsonWritable list(@Context UriInfo uri) {
        return NamespaceJson.list(namespaces.list(Page.from(Query.of(uri), false)));
    }

    @POST
    public JsonWritable create(JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        return new NamespaceJson(namespaces.create(
                new CreateNamespace(NamespaceKey.key(b.string("key")), b.string("name"), b.string("description"))));
    }

    @GET
    @Path("{key}")
    public JsonWritable get(@PathParam("key") String key) {
        return new NamespaceJson(namespaces.get(NamespaceKey.key(key)));
    }

    @PUT
    @Path("{key}")
    public JsonWritable update(@PathParam("key") String key, JsonBody body) {
        JsonBody b = JsonBody.orEmpty(body);
        return new NamespaceJson(namespaces.update(NamespaceKey.key(key), new UpdateNamespace(b.string("name"), b.string("description"))));
    }

    @DELETE
    @Path("{key}")
    public JsonWritable delete(@PathParam("key") String key, @Context UriInfo uri) {
        namespaces.delete(NamespaceKey.key(key), Query.of(uri).bool("force"));
        return JsonWritable.EMPTY;
    }
}
