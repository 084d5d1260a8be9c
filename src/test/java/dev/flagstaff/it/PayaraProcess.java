package dev.flagstaff.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built WAR on a Payara Micro process of its own, started the way the README's run command starts it,
 * for tests about the process itself: restarts and start-up failures.
 */
final class PayaraProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PayaraProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts Payara Micro with {@code systemProperties} and {@code environment}; does not wait. */
    static PayaraProcess start(String name, Map<String, String> systemProperties, Map<String, String> environment) {
        try {
            int port = freePort();
            Path rootDir = TestDatabase.workDir().resolve(name + "-root");
            TestDatabase.deleteTree(rootDir); // Payara redeploys whatever an old root folder holds
            Path log = TestDatabase.workDir().resolve(name + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
            systemProperties.forEach((k, v) -> command.add("-D" + k + "=" + v));
            command.addAll(List.of("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--deploy", System.getProperty("flagstaff.it.war", "target/flagstaff.war"),
                    "--contextroot", "/", "--nocluster", "--port", Integer.toString(port),
                    "--rootdir", rootDir.toString()));
            // Payara's own /health and /metrics off, as the run command does (failsafe sets this property)
            String extra = System.getProperty("payara.extraMicroOptions", "");
            if (!extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            return new PayaraProcess(builder.start(), log, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until Payara Micro says it is ready (whether or not the application deployed). */
    PayaraProcess awaitReady() {
        return awaitReady(Duration.ofMinutes(3));
    }

    /** Waits up to {@code limit} until Payara Micro says it is ready. */
    PayaraProcess awaitReady(Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (log().contains("ready in")) {
                return this;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited early; log:\n" + log());
            }
            sleep(500);
        }
        throw new IllegalStateException("Payara Micro did not get ready in " + limit + "; log:\n" + log());
    }

    URL url() {
        try {
            return URI.create("http://localhost:" + port + "/").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status of a GET, for checks that need no body. */
    int status(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server the way Ctrl-C or a service manager does (SIGTERM), and waits for it. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sleeps; an interrupt fails the test. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
