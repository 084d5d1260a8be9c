package dev.flagstaff.evaluation.control;

import dev.flagstaff.evaluation.engine.FlagInfo;
import dev.flagstaff.evaluation.engine.NamespaceSnapshot;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Everything evaluation serves for one namespace, never changed after it is built: the compiled engine
 * snapshot, the client snapshot document in each shape, and its ETag. Built from one read of the whole
 * namespace, or derived from the previous state and a read of the flags one write changed
 * ({@link #withFlags}). The documents and the ETag are rendered when first asked for (a write in a big
 * namespace that nobody fetches the document of does not pay for serializing it).
 *
 * @param generation the namespace's write count when the read began; a newer state always replaces an older
 */
public final class NamespaceState {

    private final String namespace;
    private final long generation;
    private final long revision;
    private final NamespaceSnapshot snapshot;
    /**
     * The flags' entries of the CURRENT document, in the document's order, which is the order of
     * {@code snapshot.flags()} (entry i is flag i's); never changed (a derived state copies the array).
     */
    private final JsonObject[] flagDocuments;
    private final AtomicReferenceArray<byte[]> documents =
            new AtomicReferenceArray<>(SnapshotDocuments.Shape.values().length);
    private volatile String etag;

    NamespaceState(String namespace, long generation, NamespaceLoader.Loaded loaded) {
        this(namespace, generation, loaded.revision(), NamespaceSnapshot.compile(loaded.definition()),
                loaded.flagDocuments());
    }

    private NamespaceState(String namespace, long generation, long revision, NamespaceSnapshot snapshot,
                           Map<String, JsonObject> flagDocuments) {
        this(namespace, generation, revision, snapshot, inOrder(snapshot, flagDocuments));
    }

    private NamespaceState(String namespace, long generation, long revision, NamespaceSnapshot snapshot,
                           JsonObject[] flagDocuments) {
        this.namespace = namespace;
        this.generation = generation;
        this.revision = revision;
        this.snapshot = snapshot;
        this.flagDocuments = flagDocuments;
    }

    private static JsonObject[] inOrder(NamespaceSnapshot snapshot, Map<String, JsonObject> documents) {
        List<FlagInfo> flags = snapshot.flags();
        JsonObject[] out = new JsonObject[flags.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = documents.get(flags.get(i).key());
        }
        return out;
    }

    /**
     * This state with the flags {@code keys} as {@code loaded} has them (a key missing there was deleted):
     * only those flags are compiled again ({@link NamespaceSnapshot#withFlag}); an updated flag keeps its
     * place, a new one comes last, as a full read (by creation time) would have them. Costs a few array copies
     * besides, not a map of the namespace's flags.
     *
     * @throws IllegalArgumentException as {@link NamespaceSnapshot#compile} for a flag it cannot compile
     */
    NamespaceState withFlags(long generation, Collection<String> keys, NamespaceLoader.LoadedFlags loaded) {
        NamespaceSnapshot next = snapshot;
        JsonObject[] docs = flagDocuments;
        for (String key : keys) {
            NamespaceLoader.LoadedFlag flag = loaded.flags().get(key);
            int at = next.position(key);
            if (flag == null) {
                if (at >= 0) {
                    next = next.withoutFlag(key);
                    JsonObject[] rest = new JsonObject[docs.length - 1];
                    System.arraycopy(docs, 0, rest, 0, at);
                    System.arraycopy(docs, at + 1, rest, at, rest.length - at);
                    docs = rest;
                }
            } else {
                next = next.withFlag(flag.definition());
                if (at >= 0) {
                    docs = docs == flagDocuments ? docs.clone() : docs;
                    docs[at] = flag.document();
                } else {
                    docs = Arrays.copyOf(docs, docs.length + 1);
                    docs[docs.length - 1] = flag.document();
                }
            }
        }
        return new NamespaceState(namespace, generation, loaded.revision(), next, docs);
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

    /** The snapshot document in the shape a client asked for (rendered on first use; the same bytes every time). */
    public byte[] document(SnapshotDocuments.Shape shape) {
        byte[] rendered = documents.get(shape.ordinal());
        if (rendered == null) {
            // two threads may both render it; they produce the same bytes and the first one stays
            JsonObject current = current();
            documents.compareAndSet(shape.ordinal(), null, SnapshotDocuments.render(current, shape));
            rendered = documents.get(shape.ordinal());
        }
        return rendered;
    }

    public String etag() {
        String value = etag;
        if (value == null) {
            value = SnapshotDocuments.etag(document(SnapshotDocuments.Shape.CURRENT));
            etag = value;
        }
        return value;
    }

    private JsonObject current() {
        JsonArrayBuilder flags = JsonP.PROVIDER.createArrayBuilder();
        for (JsonObject flag : flagDocuments) {
            flags.add(flag);
        }
        return JsonP.PROVIDER.createObjectBuilder()
                .add("namespace", JsonP.PROVIDER.createObjectBuilder().add("key", namespace))
                .add("flags", flags)
                .build();
    }
}
