package dev.flagstaff.auth.boundary;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests {@link JwtBearerAuthConfigProvider} hands to the container's MicroProfile JWT verification. */
class JwtBearerTest {

    private static final String JWS = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJlLV9fMTI";

    @Test
    void compactJwsAndJweAreHandedOn() {
        assertTrue(JwtBearerAuthConfigProvider.jwtBearer("Bearer " + JWS));
        assertTrue(JwtBearerAuthConfigProvider.jwtBearer("bearer " + JWS));
        assertTrue(JwtBearerAuthConfigProvider.jwtBearer("Bearer eyJhbGciOiJkaXIifQ..aXY.Y2lwaGVy.dGFn"));
        // a bearer that only looks like a JWT still goes to the container, which refuses it
        assertTrue(JwtBearerAuthConfigProvider.jwtBearer("Bearer a.b.c"));
    }

    @Test
    void clientTokensAndOtherCredentialsAreNot() {
        assertFalse(JwtBearerAuthConfigProvider.jwtBearer(null));
        assertFalse(JwtBearerAuthConfigProvider.jwtBearer("Bearer "));
        assertFalse(JwtBearerAuthConfigProvider.jwtBearer("Bearer Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA"));
        assertFalse(JwtBearerAuthConfigProvider.jwtBearer("Basic " + JWS));
        assertFalse(JwtBearerAuthConfigProvider.jwtBearer("Bearer a.b"));
        assertFalse(JwtBearerAuthConfigProvider.jwtBearer("Bearer " + JWS + " x"));
        assertFalse(JwtBearerAuthConfigProvider.jwtBearer("Bearer " + JWS + ".d"));
    }
}
