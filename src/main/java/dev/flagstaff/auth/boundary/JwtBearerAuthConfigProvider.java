package dev.flagstaff.auth.boundary;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;

import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Payara only (Jakarta Authentication): lets the container's MicroProfile JWT verification see only requests that
 * carry a JWT. Payara runs MicroProfile JWT through Jakarta Security's bridge module, which on every request looks
 * the authentication mechanism up in CDI (a JNDI lookup of the BeanManager, contended under load), has the mechanism
 * try to parse the bearer, and runs it again when the response is sent. Flagstaff's client tokens are not JWTs, and
 * most requests carry one, so this provider wraps the one the container registered for the application and answers
 * a request whose {@code Authorization} is not {@code Bearer <JWT>} at once: {@link AuthStatus#SUCCESS} without a
 * caller, which is what the bridge answers for such a request after its work (the JWT mechanism's "do nothing").
 * {@link AuthenticationFilter} then checks the client token, the session cookie or the absence of a credential as
 * before. A JWT-shaped bearer goes to the wrapped provider unchanged, so IdP JWTs are still verified by the
 * container (signature, issuer, audience, expiry from the {@code mp.jwt.*} settings), and every other answer of the
 * security matrix stays the container's.
 * <p>
 * Installed by {@link ContainerAuthentication} only where a provider for the application is already registered
 * (Payara with authentication required); Open Liberty runs MicroProfile JWT as a trust association interceptor
 * instead, which this does not touch.
 */
final class JwtBearerAuthConfigProvider implements AuthConfigProvider {

    private static final Logger LOG = Logger.getLogger(JwtBearerAuthConfigProvider.class.getName());
    static final String LAYER = "HttpServlet";

    private final AuthConfigProvider delegate;

    private JwtBearerAuthConfigProvider(AuthConfigProvider delegate) {
        this.delegate = delegate;
    }

    /**
     * Wraps the provider registered for this application's context, if any; false when there is none (no
     * authentication mechanism in the application, or a server that does not use Jakarta Authentication for it).
     */
    static boolean install(ServletContext context) {
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        if (factory == null) {
            return false;
        }
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        AuthConfigProvider registered = factory.getConfigProvider(LAYER, appContext, null);
        if (registered == null || registered instanceof JwtBearerAuthConfigProvider) {
            return false;
        }
        factory.registerConfigProvider(new JwtBearerAuthConfigProvider(registered), LAYER, appContext,
                "Flagstaff: container JWT authentication for JWT bearers only");
        LOG.info(() -> "Container authentication for '" + appContext + "' runs only for requests with a JWT bearer");
        return true;
    }

    /**
     * True for {@code Authorization: Bearer} followed by a JWS or JWE in compact form: three or five parts of
     * base64url characters separated by dots (a JWE may have an empty part). Flagstaff's client tokens have no dot.
     */
    static boolean jwtBearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        int dots = 0;
        int length = authorization.length();
        if (length == 7) {
            return false;
        }
        for (int i = 7; i < length; i++) {
            char c = authorization.charAt(i);
            if (c == '.') {
                dots++;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_' || c == '=')) {
                return false;
            }
        }
        return dots == 2 || dots == 4;
    }

    static boolean carriesJwt(MessageInfo message) {
        return message.getRequestMessage() instanceof HttpServletRequest request
                && jwtBearer(request.getHeader("Authorization"));
    }

    @Override
    public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        return new Config(delegate.getServerAuthConfig(layer, appContext, handler));
    }

    @Override
    public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
            throws AuthException {
        return delegate.getClientAuthConfig(layer, appContext, handler);
    }

    @Override
    public void refresh() {
        delegate.refresh();
    }

    private record Config(ServerAuthConfig delegate) implements ServerAuthConfig {

        @Override
        public ServerAuthContext getAuthContext(String authContextID, Subject serviceSubject,
                Map<String, Object> properties) throws AuthException {
            return new Context(this, authContextID, serviceSubject, properties);
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return delegate.getAuthContextID(messageInfo);
        }

        @Override
        public String getMessageLayer() {
            return delegate.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return delegate.getAppContext();
        }

        @Override
        public void refresh() {
            delegate.refresh();
        }

        @Override
        public boolean isProtected() {
            return delegate.isProtected();
        }
    }

    /** The wrapped context is made only when a JWT arrives. */
    private static final class Context implements ServerAuthContext {

        private final Config config;
        private final String authContextID;
        private final Subject serviceSubject;
        private final Map<String, Object> properties;
        private volatile ServerAuthContext delegate;

        Context(Config config, String authContextID, Subject serviceSubject, Map<String, Object> properties) {
            this.config = config;
            this.authContextID = authContextID;
            this.serviceSubject = serviceSubject;
            this.properties = properties;
        }

        private ServerAuthContext delegate() throws AuthException {
            ServerAuthContext context = delegate;
            if (context == null) {
                context = config.delegate().getAuthContext(authContextID, serviceSubject, properties);
                delegate = context;
            }
            return context;
        }

        @Override
        public AuthStatus validateRequest(MessageInfo messageInfo, Subject clientSubject, Subject serviceSubject)
                throws AuthException {
            if (!carriesJwt(messageInfo)) {
                return AuthStatus.SUCCESS;
            }
            ServerAuthContext context = delegate();
            return context == null ? AuthStatus.SUCCESS
                    : context.validateRequest(messageInfo, clientSubject, serviceSubject);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo messageInfo, Subject serviceSubject) throws AuthException {
            if (!carriesJwt(messageInfo)) {
                return AuthStatus.SEND_SUCCESS;
            }
            ServerAuthContext context = delegate();
            return context == null ? AuthStatus.SEND_SUCCESS : context.secureResponse(messageInfo, serviceSubject);
        }

        @Override
        public void cleanSubject(MessageInfo messageInfo, Subject subject) throws AuthException {
            ServerAuthContext context = delegate();
            if (context != null) {
                context.cleanSubject(messageInfo, subject);
            }
        }
    }
}
