package dev.flagstaff.operations.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * What {@code GET /meta/info} reports about this build and the machine it runs on. Flagstaff's own version
 * and build date come from {@code build.properties}, which the build fills in.
 *
 * @param fliptVersion the Flipt version whose API Flagstaff implements, in Flipt's {@code v1.x.y} form
 * @param version      Flagstaff's own version ({@code 0.1.0-SNAPSHOT})
 * @param buildDate    when the WAR was built, RFC 3339 UTC, or empty
 * @param runtime      the Java runtime, in the place Flipt reports its Go version ({@code java 17.0.15})
 * @param os           Go's name for the operating system ({@code linux}, {@code darwin}, {@code windows})
 * @param arch         Go's name for the architecture ({@code amd64}, {@code arm64})
 */
public record BuildInfo(String fliptVersion, String version, String buildDate, String runtime, String os,
                        String arch) {

    /** The Flipt release whose v1 REST API this server answers like (the contract's reference). */
    public static final String FLIPT_COMPATIBLE_VERSION = "v1.59.3";

    public static BuildInfo current() {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(FLIPT_COMPATIBLE_VERSION,
                filled(build.getProperty("version")),
                filled(build.getProperty("buildDate")),
                "java " + System.getProperty("java.version"),
                goOs(System.getProperty("os.name", "")),
                goArch(System.getProperty("os.arch", "")));
    }

    /** A release build, as opposed to a snapshot from a working tree. */
    public boolean release() {
        return !version.isEmpty() && !version.endsWith("-SNAPSHOT");
    }

    /** Unfiltered placeholders (a build from an IDE that skipped resource filtering) count as unknown. */
    private static String filled(String value) {
        return value == null || value.startsWith("${") ? "" : value;
    }

    static String goOs(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac")) {
            return "darwin";
        }
        return name.replaceAll("[^a-z0-9]", "");
    }

    static String goArch(String osArch) {
        return switch (osArch) {
            case "x86_64", "amd64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> osArch;
        };
    }
}
