package dev.flagstaff.transfer.control;

import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes export documents, built by {@link Exporter} as JSON objects whose member order is the order of the fields
 * in Flipt's {@code internal/ext/common.go}, the way {@code flipt export} does: YAML in the style of Go's
 * {@code gopkg.in/yaml.v2} encoder (block style, two-space indent, list items not indented under their key, a
 * string double-quoted only where a YAML 1.1 reader would take it for something else, {@code ---} between the
 * documents of a stream), JSON as Go's {@code json.Encoder} (one compact line per document).
 */
public final class DocumentWriter {

    /** Plain scalars a YAML 1.1 reader (yaml.v2's resolver) would not read back as the same string. */
    private static final Pattern NOT_A_STRING = Pattern.compile(String.join("|",
            "~|null|Null|NULL",
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF",
            "[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*)",
            "[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)",
            "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)",
            "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?"));

    private DocumentWriter() {
    }

    /** The documents as a YAML stream; the second and later are introduced by {@code ---}. */
    public static String yaml(List<JsonObject> documents) {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(0)
                .setWidth(Integer.MAX_VALUE)
                .setSplitLines(false)
                .setExplicitStart(false)
                .build();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            StringWriter text = new StringWriter();
            new Dump(settings).dumpNode(node(documents.get(i)), new StreamDataWriter() {
                @Override
                public void write(String str) {
                    text.write(str);
                }

                @Override
                public void write(String str, int off, int len) {
                    text.write(str, off, len);
                }
            });
            out.append(text);
        }
        return out.toString();
    }

    /** One document as Go's json.Encoder writes it: compact, one line, a newline at the end. */
    public static String json(JsonObject document) {
        return compact(document) + "\n";
    }

    /** Several documents as one JSON array of them, on one line (Flagstaff's form of an all-namespaces export). */
    public static String jsonArray(List<JsonObject> documents) {
        return compact(JsonP.PROVIDER.createArrayBuilder(documents).build()) + "\n";
    }

    private static String compact(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = JsonP.PROVIDER.createGenerator(out)) {
            generator.write(value);
        }
        return out.toString();
    }

    private static Node node(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT: {
                List<NodeTuple> tuples = new ArrayList<>();
                for (Map.Entry<String, JsonValue> member : ((JsonObject) value).entrySet()) {
                    tuples.add(new NodeTuple(string(member.getKey()), node(member.getValue())));
                }
                return new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
            }
            case ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonValue item : (JsonArray) value) {
                    items.add(node(item));
                }
                return new SequenceNode(Tag.SEQ, items, FlowStyle.BLOCK);
            }
            case STRING:
                return string(((JsonString) value).getString());
            case NUMBER: {
                BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                String text = value.toString();
                boolean integral = number.scale() <= 0 && !text.contains(".") && !text.contains("e") && !text.contains("E");
                return new ScalarNode(integral ? Tag.INT : Tag.FLOAT, text, ScalarStyle.PLAIN);
            }
            case TRUE:
                return new ScalarNode(Tag.BOOL, "true", ScalarStyle.PLAIN);
            case FALSE:
                return new ScalarNode(Tag.BOOL, "false", ScalarStyle.PLAIN);
            default:
                return new ScalarNode(Tag.NULL, "null", ScalarStyle.PLAIN);
        }
    }

    /** yaml.v2's choice: literal for several lines, double quotes where plain would read back as another type. */
    private static Node string(String text) {
        ScalarStyle style;
        if (text.contains("\n")) {
            style = ScalarStyle.LITERAL;
        } else if (text.isEmpty() || NOT_A_STRING.matcher(text).matches()) {
            style = ScalarStyle.DOUBLE_QUOTED;
        } else {
            style = ScalarStyle.PLAIN;
        }
        return new ScalarNode(Tag.STR, text, style);
    }
}
