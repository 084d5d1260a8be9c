package dev.flagstaff.transfer.control;

import dev.flagstaff.http.ApiException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Flags as files (GitOps style): with {@value #PATH} set, Flagstaff imports that file, or every {@code .yml},
 * {@code .yaml} and {@code .json} file under that folder (by path, in name order), when it starts, after the database
 * is migrated. Each document goes into the namespace it names ({@code default} when none), which is created when
 * missing, and only when that namespace has no flags and no segments yet: a namespace that has some is left alone
 * with one log line, so a restart never duplicates or overwrites anything. Each document is its own transaction; a
 * bad one is logged with its file and line, and the rest are still imported. The file format is
 * {@code flipt import}'s (also several documents per file, as {@code flipt export --all-namespaces} writes them).
 */
@Singleton
@Startup
@DependsOn("Database")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class StartupImport {

    public static final String PATH = "flagstaff.import.path";

    private static final Logger LOG = Logger.getLogger(StartupImport.class.getName());

    @Inject
    @ConfigProperty(name = PATH)
    Optional<String> path;

    @Inject
    Importer importer;

    @PostConstruct
    void start() {
        if (path.isEmpty() || path.get().isBlank()) {
            return;
        }
        Path root = Path.of(path.get().trim()).toAbsolutePath();
        List<Path> files;
        try {
            files = files(root);
        } catch (IOException | UncheckedIOException e) {
            LOG.severe("Flagstaff import: cannot read " + root + " given by " + PATH + ": " + e.getMessage());
            return;
        }
        if (files.isEmpty()) {
            LOG.warning("Flagstaff import: " + root + " given by " + PATH + " has no .yml, .yaml or .json file");
        }
        for (Path file : files) {
            importFile(file);
        }
    }

    static List<Path> files(Path root) throws IOException {
        if (Files.isRegularFile(root)) {
            return List.of(root);
        }
        if (!Files.isDirectory(root)) {
            throw new IOException("no such file or folder");
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json");
                    })
                    .sorted()
                    .toList();
        }
    }

    private void importFile(Path file) {
        List<FliptDocument> documents;
        try {
            documents = DocumentReader.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.severe("Flagstaff import: cannot read " + file + ": " + e.getMessage());
            return;
        } catch (ApiException e) {
            LOG.severe("Flagstaff import: " + file + " is not a Flipt document: " + e.getMessage());
            return;
        }
        String version = documents.isEmpty() ? "" : documents.get(0).version(); // Flipt reads it off the first
        for (FliptDocument document : documents) {
            String namespace = document.namespace() == null || document.namespace().key().isEmpty()
                    ? "default" : document.namespace().key();
            try {
                Importer.Outcome outcome = importer.importIfEmpty(document, version);
                if (outcome == null) {
                    LOG.info("Flagstaff import: namespace " + namespace + " already has flags or segments, "
                            + file.getFileName() + " (line " + document.line() + ") left it alone");
                } else {
                    LOG.info("Flagstaff import: " + file.getFileName() + " (line " + document.line() + ") into namespace "
                            + namespace + ": " + outcome.flags().size() + " flags, " + outcome.segments().size()
                            + " segments");
                }
            } catch (ApiException e) {
                LOG.severe("Flagstaff import: " + file + " into namespace " + namespace + " failed, nothing of it "
                        + "was written: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.SEVERE, "Flagstaff import: " + file + " into namespace " + namespace
                        + " failed, nothing of it was written", e);
            }
        }
    }
}
