package dev.flagstaff.operations.boundary;

import dev.flagstaff.http.Code;
import dev.flagstaff.http.ErrorMapper;
import dev.flagstaff.http.Messages;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Graceful shutdown. From the moment the server is told to stop (SIGTERM or Ctrl-C reach the JVM's shutdown
 * hooks; an undeploy reaches {@link #contextDestroyed}) every new request is answered
 * {@code 503 {"code":14,"message":"flagstaff is shutting down","details":[]}} and the stop waits until the
 * requests already running have finished, at most {@code flagstaff.shutdown.grace-seconds} (default 5), before
 * the application's beans and its database connections go away.
 * <p>
 * What the server does around this is its own. Payara waits {@code fish.payara.shutdowngrace} ms (set from the
 * grace period here) before it stops anything, and always the whole period; then it takes the application out
 * of service, answers new requests itself (503, its own HTML page) and closes its listener. Open Liberty
 * quiesces on its own (stops accepting connections, lets running requests finish for up to 30 s).
 */
@WebListener
@WebFilter(filterName = "flagstaff-shutdown-drain", urlPatterns = "/*", asyncSupported = true)
public class ShutdownDrain implements ServletContextListener, Filter {

    public static final String GRACE_SECONDS = "flagstaff.shutdown.grace-seconds";
    static final int DEFAULT_GRACE_SECONDS = 5;
    /** Payara's own grace period in milliseconds (a JVM system property it reads when it stops). */
    static final String PAYARA_SHUTDOWN_GRACE = "fish.payara.shutdowngrace";

    private static final Logger LOG = Logger.getLogger(ShutdownDrain.class.getName());
    private static final Object LOCK = new Object();

    /**
     * Requests in the application now. A counter, not a monitor: every request passes here, and one lock taken
     * twice per request was where request threads queued under load. {@link #LOCK} is only for the drain's wait.
     */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();
    private static volatile boolean draining;
    private static volatile Thread hook;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        synchronized (LOCK) {
            draining = false;
            IN_FLIGHT.set(0);
        }
        // Payara (Server and Micro) keeps serving for fish.payara.shutdowngrace ms after it is told to stop, before
        // it takes any application out of service: that is the window in which this drain works there. It is set
        // from flagstaff.shutdown.grace-seconds unless the operator set it (e.g. with Payara Micro's --shutdowngrace).
        int grace = graceSeconds();
        if (grace > 0 && System.getProperty(PAYARA_SHUTDOWN_GRACE) == null) {
            System.setProperty(PAYARA_SHUTDOWN_GRACE, Long.toString(TimeUnit.SECONDS.toMillis(grace)));
        }
        Thread thread = new Thread(() -> drain("the JVM is shutting down"), "flagstaff-shutdown-drain");
        try {
            Runtime.getRuntime().addShutdownHook(thread);
            hook = thread;
        } catch (IllegalStateException | SecurityException e) {
            LOG.warning("No shutdown hook for the graceful stop: " + e);
        }
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        drain("the application is stopping");
        Thread thread = hook;
        hook = null;
        if (thread != null && thread != Thread.currentThread()) {
            try {
                Runtime.getRuntime().removeShutdownHook(thread); // an undeploy: the JVM goes on
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook runs (or ran) anyway
            }
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // counted before the check: a drain that starts after the check sees this request in the count
        IN_FLIGHT.incrementAndGet();
        if (draining) {
            finished();
            refuse((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            finished();
        }
    }

    private static void finished() {
        if (IN_FLIGHT.decrementAndGet() == 0 && draining) {
            synchronized (LOCK) {
                LOCK.notifyAll();
            }
        }
    }

    /** Stops taking requests and waits for the running ones, at most the grace period; idempotent. */
    static void drain(String why) {
        long graceNanos = TimeUnit.SECONDS.toNanos(graceSeconds());
        long deadline = System.nanoTime() + graceNanos;
        int left;
        synchronized (LOCK) {
            if (!draining) {
                draining = true;
                LOG.info("Flagstaff stops (" + why + "): new requests get 503; waiting up to " + graceSeconds()
                        + " s for " + IN_FLIGHT.get() + " running request(s)");
            }
            long wait;
            while (IN_FLIGHT.get() > 0 && (wait = deadline - System.nanoTime()) > 0) {
                try { // the last request notifies under LOCK, so it cannot slip between this check and the wait
                    TimeUnit.NANOSECONDS.timedWait(LOCK, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            left = IN_FLIGHT.get();
        }
        if (left > 0) {
            LOG.warning("Flagstaff stops with " + left + " request(s) still running after " + graceSeconds() + " s ("
                    + GRACE_SECONDS + ")");
        }
    }

    private static int graceSeconds() {
        try {
            return Math.max(0, ConfigProvider.getConfig().getOptionalValue(GRACE_SECONDS, Integer.class)
                    .orElse(DEFAULT_GRACE_SECONDS));
        } catch (RuntimeException e) {
            return DEFAULT_GRACE_SECONDS;
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(Code.UNAVAILABLE.http());
        response.setContentType("application/json");
        response.setHeader("Connection", "close");
        byte[] body = Messages.text(new ErrorMapper.ErrorBody(Code.UNAVAILABLE.grpc(), "flagstaff is shutting down"))
                .getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
