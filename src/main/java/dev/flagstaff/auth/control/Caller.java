package dev.flagstaff.auth.control;

import java.util.List;
import java.util.Optional;

/**
 * Who is calling, as Flagstaff's authentication filter established it for the current request.
 *
 * @param kind      how the caller authenticated
 * @param role      what the caller may do; empty for an IdP user whose groups map to no role
 * @param namespace the namespace a scoped token is limited to (contract 8.5), null otherwise
 * @param token     the stored authentication of a token caller, null otherwise
 * @param jwt       the claims of an IdP caller (subject, name, email, issuer, groups), null otherwise
 */
public record Caller(Kind kind, Optional<Role> role, String namespace, StoredToken token, JwtIdentity jwt) {

    public enum Kind {
        /** Authentication is not required: no credential is looked at, every route is open. */
        OPEN,
        /** Authentication is required and the request carried no credential. */
        ANONYMOUS,
        /** A client token of the token method (incl. the bootstrap token). */
        TOKEN,
        /** A JWT of the company's IdP, verified by the container (MicroProfile JWT). */
        JWT
    }

    public static final Caller OPEN = new Caller(Kind.OPEN, Optional.of(Role.ADMIN), null, null, null);
    public static final Caller ANONYMOUS = new Caller(Kind.ANONYMOUS, Optional.empty(), null, null, null);

    public static Caller token(StoredToken token) {
        return new Caller(Kind.TOKEN, Optional.of(token.role()), token.namespace(), token, null);
    }

    public static Caller jwt(JwtIdentity jwt, Optional<Role> role) {
        return new Caller(Kind.JWT, role, null, null, jwt);
    }

    public boolean authenticated() {
        return kind == Kind.TOKEN || kind == Kind.JWT;
    }

    /** The claims of an IdP token that Flagstaff shows in {@code /auth/v1/self}. */
    public record JwtIdentity(String issuer, String subject, String name, String email, List<String> groups) {
    }

    private static final ThreadLocal<Caller> CURRENT = new ThreadLocal<>();

    /** The caller of the request this thread is serving ({@link #ANONYMOUS} outside a request). */
    public static Caller current() {
        Caller caller = CURRENT.get();
        return caller == null ? ANONYMOUS : caller;
    }

    public static void set(Caller caller) {
        if (caller == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(caller);
        }
    }
}
