package dev.flagstaff.http;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider, looked up once: use {@code JsonP.PROVIDER.createObjectBuilder()} and the like instead
 * of {@code Json.createObjectBuilder()}. Each of {@link jakarta.json.Json}'s static factory methods asks
 * {@link JsonProvider#provider()}, which searches the class loader's service files on every call (in the profile
 * of a flag write that lookup was a sixth of the request; a full snapshot build of 10,000 flags made a hundred
 * thousand of them).
 */
public final class JsonP {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonP() {
    }
}
