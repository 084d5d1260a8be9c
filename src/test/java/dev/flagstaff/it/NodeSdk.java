package dev.flagstaff.it;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Flipt's official JavaScript client SDK ({@code @flipt-io/flipt-client-js}, pinned in
 * {@code src/test/node/flipt-client-js/package.json}) as a Node.js process driven by a test. The SDK is installed
 * from the npm registry into {@code target/flipt-client-js} once per build. Without Node.js or npm a test using it
 * is skipped with one {@code [flagstaff-it] SKIPPED} line, except under {@code CI=true}, where that fails.
 */
final class NodeSdk implements AutoCloseable {

    private static final Path SOURCES = Path.of("src", "test", "node", "flipt-client-js");
    private static final Path INSTALLED = Path.of("target", "flipt-client-js");

    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    private NodeSdk(Process process) {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    }

    /** Runs {@code follow.mjs} with {@code args} (see its header), the SDK installed first if need be. */
    static synchronized NodeSdk follow(String... args) {
        install();
        List<String> command = new ArrayList<>(List.of("node", "follow.mjs"));
        command.addAll(List.of(args));
        try {
            return new NodeSdk(new ProcessBuilder(command).directory(INSTALLED.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line the script printed, or null if none came within {@code millis}. */
    String nextLine(long millis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < deadline) {
            if (out.ready()) {
                return out.readLine();
            }
            if (!process.isAlive() && !out.ready()) {
                return null;
            }
            Thread.sleep(5);
        }
        return null;
    }

    void send(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private static void install() {
        requireNode();
        try {
            Files.createDirectories(INSTALLED);
            for (String file : List.of("package.json", "follow.mjs")) {
                Files.copy(SOURCES.resolve(file), INSTALLED.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            if (Files.isDirectory(INSTALLED.resolve("node_modules/@flipt-io/flipt-client-js"))) {
                return;
            }
            Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--loglevel=error")
                    .directory(INSTALLED.toFile()).redirectErrorStream(true)
                    .redirectOutput(INSTALLED.resolve("npm-install.log").toFile()).start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                unavailable("npm install of the Flipt JavaScript SDK failed: "
                        + Files.readString(INSTALLED.resolve("npm-install.log")).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void requireNode() {
        for (String tool : List.of("node", "npm")) {
            try {
                Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    continue;
                }
            } catch (IOException e) {
                // not installed: reported below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            unavailable("the Flipt JavaScript SDK check needs Node.js: no working `" + tool + "` on the PATH");
        }
    }

    private static void unavailable(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI=true needs it");
        }
        System.out.println("[flagstaff-it] SKIPPED: " + message);
        Assumptions.abort(message);
    }
}
