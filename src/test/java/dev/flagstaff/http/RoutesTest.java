package dev.flagstaff.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoutesTest {

    @Path("api/v1/namespaces/{ns}/flags")
    static class Flags {
        @GET
        public void list() {
        }

        @GET
        @Path("{key}")
        public void get() {
        }

        @GET
        @Path("/{key}/variants/{id: [^/]+}/")
        public void variant() {
        }
    }

    /** A legacy route: the subclass's own path, the method inherited. */
    @Path("api/v1/flags")
    static class LegacyFlags extends Flags {
    }

    /** What a CDI proxy looks like: a subclass without annotations. */
    static class Proxy extends Flags {
    }

    @Test
    void templatesJoinClassAndMethodPaths() throws NoSuchMethodException {
        assertEquals("/api/v1/namespaces/{ns}/flags",
                Routes.template(Flags.class, Flags.class.getMethod("list")));
        assertEquals("/api/v1/namespaces/{ns}/flags/{key}",
                Routes.template(Flags.class, Flags.class.getMethod("get")));
        assertEquals("/api/v1/namespaces/{ns}/flags/{key}/variants/{id}",
                Routes.template(Flags.class, Flags.class.getMethod("variant")));
        assertEquals("/api/v1/flags/{key}",
                Routes.template(LegacyFlags.class, LegacyFlags.class.getMethod("get")));
        assertEquals("/api/v1/namespaces/{ns}/flags/{key}",
                Routes.template(Proxy.class, Proxy.class.getMethod("get")));
    }
}
