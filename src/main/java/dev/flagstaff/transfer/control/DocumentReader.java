package dev.flagstaff.transfer.control;

import dev.flagstaff.http.ApiException;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads Flipt import documents ({@code flipt import}'s input, {@code internal/ext} of Flipt v1.59.3) from YAML or
 * JSON text: a YAML stream of one or more documents, one JSON object, several JSON objects one after the other (what
 * {@code flipt export --all-namespaces -o json} writes) or a JSON array of them (Flagstaff's all-namespaces JSON).
 * Like Flipt's decoders it ignores fields it does not know, takes any scalar where a string is expected and skips
 * null list entries; unlike them it names the line of anything it cannot take, in a 400.
 */
public final class DocumentReader {

    /** Flipt's documents are small; a file beyond this is refused rather than read (code points). */
    static final int MAX_CODE_POINTS = 16 * 1024 * 1024;

    private DocumentReader() {
    }

    /** Every document of {@code text}, in order; an empty text has none. */
    public static List<FliptDocument> read(String text) {
        List<FliptDocument> documents = new ArrayList<>();
        for (Node node : nodes(text)) {
            if (node instanceof SequenceNode array && array.getFlowStyle() == org.snakeyaml.engine.v2.common.FlowStyle.FLOW) {
                int i = 0;
                for (Node item : array.getValue()) {
                    documents.add(document(item, "[" + i++ + "]"));
                }
            } else {
                documents.add(document(node, ""));
            }
        }
        return documents;
    }

    private static List<Node> nodes(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel("document")
                .setAllowDuplicateKeys(false)
                .setMaxAliasesForCollections(50)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        List<Node> nodes = new ArrayList<>();
        try {
            for (String piece : jsonValues(text)) {
                for (Node node : new Compose(settings).composeAllFromString(piece)) {
                    if (node != null && !isNull(node)) {
                        nodes.add(node);
                    }
                }
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark();
            String where = mark.map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ")
                    .orElse("");
            String problem = e.getProblem() == null ? "" : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw ApiException.invalid("unmarshalling document: " + where + context + problem);
        } catch (YamlEngineException e) {
            throw ApiException.invalid("unmarshalling document: " + e.getMessage());
        }
        return nodes;
    }

    /**
     * {@code text} as it is, unless it is several JSON values one after the other (a JSON stream): then each of
     * them, padded with the newlines before it so that the lines reported stay those of the whole text.
     */
    static List<String> jsonValues(String text) {
        int start = skipBlank(text, 0);
        if (start >= text.length() || text.charAt(start) != '{') {
            return List.of(text);
        }
        List<String> values = new ArrayList<>();
        int depth = 0;
        boolean inString = false;
        int valueStart = start;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) {
                    String before = text.substring(0, valueStart).replaceAll("[^\n]", "");
                    values.add(before + text.substring(valueStart, i + 1));
                    valueStart = skipBlank(text, i + 1);
                    if (valueStart >= text.length()) {
                        return values;
                    }
                    if (text.charAt(valueStart) != '{') {
                        return List.of(text); // not a JSON stream: let the YAML parser say what is wrong
                    }
                    i = valueStart - 1;
                }
            }
        }
        return List.of(text);
    }

    private static int skipBlank(String text, int from) {
        int i = from;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '#') { // a comment line, as Flipt's JSON reader skips one at the top
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    // ---- the document --------------------------------------------------------------------------------------

    private static FliptDocument document(Node node, String where) {
        Map<String, Node> fields = mapping(node, where.isEmpty() ? "document" : where);
        String version = string(fields.get("version"), at(where, "version"));
        FliptDocument.Namespace namespace = namespace(fields.get("namespace"), at(where, "namespace"));
        List<FliptDocument.Flag> flags = new ArrayList<>();
        List<Node> flagNodes = sequence(fields.get("flags"), at(where, "flags"));
        for (int i = 0; i < flagNodes.size(); i++) {
            if (!isNull(flagNodes.get(i))) {
                flags.add(flag(flagNodes.get(i), at(where, "flags[" + i + "]")));
            }
        }
        List<FliptDocument.Segment> segments = new ArrayList<>();
        List<Node> segmentNodes = sequence(fields.get("segments"), at(where, "segments"));
        for (int i = 0; i < segmentNodes.size(); i++) {
            if (!isNull(segmentNodes.get(i))) {
                segments.add(segment(segmentNodes.get(i), at(where, "segments[" + i + "]")));
            }
        }
        return new FliptDocument(line(node), version, namespace, flags, segments);
    }

    private static FliptDocument.Namespace namespace(Node node, String where) {
        if (node == null || isNull(node)) {
            return null;
        }
        if (node instanceof ScalarNode) {
            return new FliptDocument.Namespace(line(node), string(node, where), "", "");
        }
        Map<String, Node> fields = mapping(node, where);
        return new FliptDocument.Namespace(line(node), string(fields.get("key"), where + ".key"),
                string(fields.get("name"), where + ".name"), string(fields.get("description"), where + ".description"));
    }

    private static FliptDocument.Flag flag(Node node, String where) {
        Map<String, Node> f = mapping(node, where);
        List<FliptDocument.Variant> variants = new ArrayList<>();
        List<Node> variantNodes = sequence(f.get("variants"), where + ".variants");
        for (int i = 0; i < variantNodes.size(); i++) {
            Node v = variantNodes.get(i);
            if (isNull(v)) {
                continue;
            }
            String at = where + ".variants[" + i + "]";
            Map<String, Node> vf = mapping(v, at);
            Node attachment = vf.get("attachment");
            variants.add(new FliptDocument.Variant(line(v), bool(vf.get("default"), at + ".default"),
                    string(vf.get("key"), at + ".key"), string(vf.get("name"), at + ".name"),
                    string(vf.get("description"), at + ".description"),
                    attachment == null || isNull(attachment) ? null : json(attachment, at + ".attachment")));
        }
        List<FliptDocument.Rule> rules = new ArrayList<>();
        List<Node> ruleNodes = sequence(f.get("rules"), where + ".rules");
        for (int i = 0; i < ruleNodes.size(); i++) {
            if (!isNull(ruleNodes.get(i))) {
                rules.add(rule(ruleNodes.get(i), where + ".rules[" + i + "]"));
            }
        }
        List<FliptDocument.Rollout> rollouts = new ArrayList<>();
        List<Node> rolloutNodes = sequence(f.get("rollouts"), where + ".rollouts");
        for (int i = 0; i < rolloutNodes.size(); i++) {
            if (!isNull(rolloutNodes.get(i))) {
                rollouts.add(rollout(rolloutNodes.get(i), where + ".rollouts[" + i + "]"));
            }
        }
        Node metadata = f.get("metadata");
        JsonObject metadataObject = null;
        if (metadata != null && !isNull(metadata)) {
            if (!(metadata instanceof MappingNode)) {
                throw wrong(metadata, where + ".metadata", "must be a mapping");
            }
            metadataObject = json(metadata, where + ".metadata").asJsonObject();
        }
        return new FliptDocument.Flag(line(node), string(f.get("key"), where + ".key"),
                string(f.get("name"), where + ".name"), string(f.get("type"), where + ".type"),
                string(f.get("description"), where + ".description"), bool(f.get("enabled"), where + ".enabled"),
                metadataObject, variants, rules, rollouts);
    }

    private static FliptDocument.Rule rule(Node node, String where) {
        Map<String, Node> r = mapping(node, where);
        Node segment = r.get("segment");
        String segmentKey = "";
        List<String> keys = List.of();
        String operator = "";
        if (segment instanceof ScalarNode && !isNull(segment)) {
            segmentKey = string(segment, where + ".segment");
        } else if (segment instanceof MappingNode) {
            Map<String, Node> s = mapping(segment, where + ".segment");
            keys = strings(s.get("keys"), where + ".segment.keys");
            operator = string(s.get("operator"), where + ".segment.operator");
        } else if (segment != null && !isNull(segment)) {
            throw wrong(segment, where + ".segment", "must be a segment key or a mapping of keys and operator");
        }
        List<FliptDocument.Distribution> distributions = new ArrayList<>();
        List<Node> distributionNodes = sequence(r.get("distributions"), where + ".distributions");
        for (int i = 0; i < distributionNodes.size(); i++) {
            Node d = distributionNodes.get(i);
            if (isNull(d)) {
                continue;
            }
            String at = where + ".distributions[" + i + "]";
            Map<String, Node> df = mapping(d, at);
            distributions.add(new FliptDocument.Distribution(line(d), string(df.get("variant"), at + ".variant"),
                    number(df.get("rollout"), at + ".rollout").floatValue()));
        }
        BigDecimal rank = number(r.get("rank"), where + ".rank");
        if (rank.signum() < 0 || rank.stripTrailingZeros().scale() > 0 || rank.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw wrong(r.get("rank"), where + ".rank", "must be a whole number from 1");
        }
        return new FliptDocument.Rule(line(node), segmentKey, keys, operator, rank.longValue(), distributions);
    }

    private static FliptDocument.Rollout rollout(Node node, String where) {
        Map<String, Node> r = mapping(node, where);
        FliptDocument.RolloutSegment segment = null;
        Node s = r.get("segment");
        if (s != null && !isNull(s)) {
            Map<String, Node> sf = mapping(s, where + ".segment");
            segment = new FliptDocument.RolloutSegment(line(s), string(sf.get("key"), where + ".segment.key"),
                    strings(sf.get("keys"), where + ".segment.keys"),
                    string(sf.get("operator"), where + ".segment.operator"),
                    bool(sf.get("value"), where + ".segment.value"));
        }
        FliptDocument.Threshold threshold = null;
        Node t = r.get("threshold");
        if (t != null && !isNull(t)) {
            Map<String, Node> tf = mapping(t, where + ".threshold");
            threshold = new FliptDocument.Threshold(line(t),
                    number(tf.get("percentage"), where + ".threshold.percentage").floatValue(),
                    bool(tf.get("value"), where + ".threshold.value"));
        }
        return new FliptDocument.Rollout(line(node), string(r.get("description"), where + ".description"), segment,
                threshold);
    }

    private static FliptDocument.Segment segment(Node node, String where) {
        Map<String, Node> s = mapping(node, where);
        List<FliptDocument.Constraint> constraints = new ArrayList<>();
        List<Node> constraintNodes = sequence(s.get("constraints"), where + ".constraints");
        for (int i = 0; i < constraintNodes.size(); i++) {
            Node c = constraintNodes.get(i);
            if (isNull(c)) {
                continue;
            }
            String at = where + ".constraints[" + i + "]";
            Map<String, Node> cf = mapping(c, at);
            constraints.add(new FliptDocument.Constraint(line(c), string(cf.get("type"), at + ".type"),
                    string(cf.get("property"), at + ".property"), string(cf.get("operator"), at + ".operator"),
                    string(cf.get("value"), at + ".value"), string(cf.get("description"), at + ".description")));
        }
        return new FliptDocument.Segment(line(node), string(s.get("key"), where + ".key"),
                string(s.get("name"), where + ".name"), string(s.get("description"), where + ".description"),
                constraints, string(s.get("match_type"), where + ".match_type"));
    }

    // ---- node helpers --------------------------------------------------------------------------------------

    private static String at(String where, String field) {
        return where.isEmpty() ? field : where + "." + field;
    }

    static int line(Node node) {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    private static ApiException wrong(Node node, String where, String problem) {
        return ApiException.invalid("line " + line(node) + ": " + where + " " + problem);
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && Tag.NULL.equals(node.getTag());
    }

    private static Map<String, Node> mapping(Node node, String where) {
        if (!(node instanceof MappingNode mapping)) {
            throw wrong(node, where, "must be a mapping");
        }
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                fields.put(key.getValue(), tuple.getValueNode());
            }
        }
        return fields;
    }

    private static List<Node> sequence(Node node, String where) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw wrong(node, where, "must be a list");
        }
        return sequence.getValue();
    }

    /** A Go string field: any scalar's text (yaml.v3 and encoding/json's tolerance differ; Flipt's YAML takes this). */
    private static String string(Node node, String where) {
        if (node == null || isNull(node)) {
            return "";
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw wrong(node, where, "must be a string");
        }
        return scalar.getValue();
    }

    private static List<String> strings(Node node, String where) {
        List<String> out = new ArrayList<>();
        List<Node> items = sequence(node, where);
        for (int i = 0; i < items.size(); i++) {
            out.add(string(items.get(i), where + "[" + i + "]"));
        }
        return out;
    }

    private static boolean bool(Node node, String where) {
        if (node == null || isNull(node)) {
            return false;
        }
        if (node instanceof ScalarNode scalar) {
            switch (scalar.getValue().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on":
                    return true;
                case "false", "no", "off":
                    return false;
                default:
                    break;
            }
        }
        throw wrong(node, where, "must be true or false");
    }

    private static BigDecimal number(Node node, String where) {
        if (node == null || isNull(node)) {
            return BigDecimal.ZERO;
        }
        if (node instanceof ScalarNode scalar && (Tag.INT.equals(node.getTag()) || Tag.FLOAT.equals(node.getTag()))) {
            try {
                return numberValue(scalar);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw wrong(node, where, "must be a number");
    }

    private static BigDecimal numberValue(ScalarNode scalar) {
        String text = scalar.getValue().replace("_", "");
        if (Tag.INT.equals(scalar.getTag())) {
            if (text.startsWith("0x")) {
                return new BigDecimal(new BigInteger(text.substring(2), 16));
            }
            if (text.startsWith("0o")) {
                return new BigDecimal(new BigInteger(text.substring(2), 8));
            }
        }
        if (text.startsWith("+")) {
            text = text.substring(1);
        }
        return new BigDecimal(text);
    }

    /**
     * Attachments and metadata: the YAML value as JSON, object keys sorted (Go marshals its maps so). A
     * non-finite number cannot be JSON and is refused.
     */
    static JsonValue json(Node node, String where) {
        if (node instanceof MappingNode mapping) {
            Map<String, Node> sorted = new TreeMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw wrong(tuple.getKeyNode(), where, "has a key that is not a string");
                }
                sorted.put(key.getValue(), tuple.getValueNode());
            }
            JsonObjectBuilder object = JsonP.PROVIDER.createObjectBuilder();
            sorted.forEach((key, value) -> object.add(key, json(value, where + "." + key)));
            return object.build();
        }
        if (node instanceof SequenceNode sequence) {
            JsonArrayBuilder array = JsonP.PROVIDER.createArrayBuilder();
            int i = 0;
            for (Node item : sequence.getValue()) {
                array.add(json(item, where + "[" + i++ + "]"));
            }
            return array.build();
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return JsonValue.NULL;
        }
        if (Tag.BOOL.equals(tag)) {
            return Boolean.parseBoolean(scalar.getValue().toLowerCase(Locale.ROOT)) ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            try {
                return JsonP.PROVIDER.createValue(numberValue(scalar));
            } catch (NumberFormatException e) {
                throw wrong(node, where, "is not a finite number");
            }
        }
        return JsonP.PROVIDER.createValue(scalar.getValue());
    }
}
