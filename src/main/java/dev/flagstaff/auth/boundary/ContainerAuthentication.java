package dev.flagstaff.auth.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * At start-up, narrows the container's MicroProfile JWT authentication to requests that carry a JWT bearer
 * ({@link JwtBearerAuthConfigProvider}), where the server runs it through Jakarta Authentication (Payara). Servlet
 * container initializers, among them Jakarta Security's, have registered their authentication module by now.
 * Nothing is changed where Jakarta Authentication is absent or nothing is registered for the application (Open
 * Liberty; a server with authentication off), nor when MicroProfile JWT reads its token from a cookie
 * ({@code mp.jwt.token.header=Cookie}), since then a JWT can arrive without an {@code Authorization} header.
 */
@WebListener
public class ContainerAuthentication implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(ContainerAuthentication.class.getName());
    private static final String TOKEN_HEADER = "mp.jwt.token.header";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String header = ConfigProvider.getConfig().getOptionalValue(TOKEN_HEADER, String.class).orElse("Authorization");
        if (!header.equalsIgnoreCase("Authorization") || !jakartaAuthenticationPresent()) {
            return;
        }
        try {
            JwtBearerAuthConfigProvider.install(event.getServletContext());
        } catch (RuntimeException | LinkageError e) {
            // the container's own registration stays in place: every request is authenticated as before
            LOG.log(Level.WARNING, "Could not narrow container authentication to JWT bearers; it runs for every request", e);
        }
    }

    private static boolean jakartaAuthenticationPresent() {
        try {
            Class.forName("jakarta.security.auth.message.config.AuthConfigFactory", false,
                    ContainerAuthentication.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
