package dev.flagstaff.evaluation.control;

import dev.flagstaff.evaluation.engine.NamespaceSnapshot;
import jakarta.json.JsonObject;

import java.util.EnumMap;
import java.util.Map;

/**
 * Everything evaluation serves for one namespace, built from one database read and never changed after:
 * the compiled engine snapshot, the client snapshot document in each shape, and its ETag.
 *
 * @param generation the namespace's write count when the read began; a newer state always replaces an older
 */
public final class NamespaceState {

    private final String namespace;
    private final long generation;
    private final long revision;
    private final NamespaceSnapshot snapshot;
    private final Map<SnapshotDocuments.Shape, byte[]> documents = new EnumMap<>(SnapshotDocuments.Shape.class);
    private final String etag;

    NamespaceState(String namespace, long generation, NamespaceLoader.Loaded loaded) {
        this.namespace = namespace;
        this.generation = generation;
        this.revision = loaded.revision();
        this.snapshot = NamespaceSnapshot.compile(loaded.definition());
        JsonObject document = loaded.document();
        for (SnapshotDocuments.Shape shape : SnapshotDocuments.Shape.values()) {
            documents.put(shape, SnapshotDocuments.render(document, shape));
        }
        this.etag = SnapshotDocuments.etag(documents.get(SnapshotDocuments.Shape.CURRENT));
    }

    public String namespace() {
        return namespace;
    }

    public long generation() {
        return generation;
    }

    /** False for a namespace that does not exist (evaluations then find no flags). */
    public boolean exists() {
        return revision >= 0;
    }

    /** The namespace's database revision this state was built from; {@code -1} when it does not exist. */
    public long revision() {
        return revision;
    }

    public NamespaceSnapshot snapshot() {
        return snapshot;
    }

    /** The snapshot document in the shape a client asked for. */
    public byte[] document(SnapshotDocuments.Shape shape) {
        return documents.get(shape);
    }

    public String etag() {
        return etag;
    }
}
