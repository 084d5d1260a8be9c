package dev.flagstaff.transfer.control;

import dev.flagstaff.flags.control.FlagService;
import dev.flagstaff.flags.entity.Flag;
import dev.flagstaff.flags.entity.Variant;
import dev.flagstaff.http.Messages;
import dev.flagstaff.namespaces.control.NamespaceService;
import dev.flagstaff.namespaces.entity.Namespace;
import dev.flagstaff.rollouts.control.RolloutService;
import dev.flagstaff.rollouts.entity.Rollout;
import dev.flagstaff.rollouts.entity.RolloutType;
import dev.flagstaff.rules.control.RuleService;
import dev.flagstaff.rules.entity.Distribution;
import dev.flagstaff.rules.entity.Rule;
import dev.flagstaff.segments.control.SegmentService;
import dev.flagstaff.segments.entity.Constraint;
import dev.flagstaff.segments.entity.Segment;
import dev.flagstaff.segments.entity.SegmentOperator;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import dev.flagstaff.http.JsonP;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Namespaces as Flipt export documents, built the way {@code flipt export} builds them ({@code internal/ext/
 * exporter.go} of Flipt v1.59.3): the current version ({@value #LATEST}) on the first document only, the namespace's
 * key, name and description, its flags in list order with their variants, rules (by rank) and rollouts (by rank),
 * then its segments in list order with their constraints. Fields are those of {@code internal/ext/common.go}, in
 * its order; empty ones are left out as Go's {@code omitempty} leaves them out. Everything is read in one
 * transaction, so a document is one consistent state.
 */
@Stateless
public class Exporter {

    /** The newest version of the document format, the one Flipt v1.59.3 writes. */
    public static final String LATEST = "1.4";

    @PersistenceContext(unitName = "flagstaff")
    EntityManager em;

    @Inject
    NamespaceService namespaces;

    @Inject
    FlagService flags;

    @Inject
    SegmentService segments;

    @Inject
    RuleService rules;

    @Inject
    RolloutService rollouts;

    /** One namespace's document, with the version; Flipt's 404 when the namespace does not exist. */
    public JsonObject namespace(String namespace) {
        return document(namespaces.get(namespace), true);
    }

    /** Every namespace's document, in list order (created first first); only the first carries the version. */
    public List<JsonObject> all() {
        List<JsonObject> documents = new ArrayList<>();
        for (Namespace namespace : em.createQuery("SELECT n FROM Namespace n ORDER BY n.createdAt, n.key",
                Namespace.class).getResultList()) {
            documents.add(document(namespace, documents.isEmpty()));
        }
        return documents;
    }

    private JsonObject document(Namespace namespace, boolean withVersion) {
        String ns = namespace.key();
        Map<String, List<Rule>> rulesByFlag = new LinkedHashMap<>();
        for (Rule rule : rules.all(ns)) {
            rulesByFlag.computeIfAbsent(rule.flag().id(), k -> new ArrayList<>()).add(rule);
        }
        Map<String, List<Rollout>> rolloutsByFlag = new LinkedHashMap<>();
        for (Rollout rollout : rollouts.all(ns)) {
            rolloutsByFlag.computeIfAbsent(rollout.flag().id(), k -> new ArrayList<>()).add(rollout);
        }
        JsonObjectBuilder doc = JsonP.PROVIDER.createObjectBuilder();
        if (withVersion) {
            doc.add("version", LATEST);
        }
        JsonObjectBuilder nsObject = JsonP.PROVIDER.createObjectBuilder().add("key", ns);
        optional(nsObject, "name", namespace.name());
        optional(nsObject, "description", namespace.description());
        doc.add("namespace", nsObject);
        JsonArrayBuilder flagArray = JsonP.PROVIDER.createArrayBuilder();
        List<Flag> flagList = flags.all(ns);
        for (Flag flag : flagList) {
            flagArray.add(flag(flag, rulesByFlag.getOrDefault(flag.id(), List.of()),
                    rolloutsByFlag.getOrDefault(flag.id(), List.of())));
        }
        if (!flagList.isEmpty()) {
            doc.add("flags", flagArray);
        }
        JsonArrayBuilder segmentArray = JsonP.PROVIDER.createArrayBuilder();
        List<Segment> segmentList = segments.all(ns);
        for (Segment segment : segmentList) {
            segmentArray.add(segment(segment));
        }
        if (!segmentList.isEmpty()) {
            doc.add("segments", segmentArray);
        }
        return doc.build();
    }

    private static JsonObject flag(Flag flag, List<Rule> rules, List<Rollout> rollouts) {
        JsonObjectBuilder f = JsonP.PROVIDER.createObjectBuilder().add("key", flag.key());
        optional(f, "name", flag.name());
        f.add("type", flag.type().name());
        optional(f, "description", flag.description());
        f.add("enabled", flag.enabled());
        if (flag.metadata() != null) {
            JsonValue metadata = sorted(parse(flag.metadata()));
            if (!(metadata instanceof JsonObject object && object.isEmpty())) {
                f.add("metadata", metadata);
            }
        }
        Map<String, String> variantKeys = new LinkedHashMap<>();
        if (!flag.variants().isEmpty()) {
            JsonArrayBuilder variants = JsonP.PROVIDER.createArrayBuilder();
            for (Variant variant : flag.variants()) {
                JsonObjectBuilder v = JsonP.PROVIDER.createObjectBuilder();
                if (variant.id().equals(flag.defaultVariantId())) {
                    v.add("default", true);
                }
                v.add("key", variant.key());
                optional(v, "name", variant.name());
                optional(v, "description", variant.description());
                if (variant.attachment() != null && !variant.attachment().isEmpty()) {
                    JsonValue attachment = sorted(parse(variant.attachment()));
                    if (attachment != JsonValue.NULL) { // Go's omitempty drops a nil interface
                        v.add("attachment", attachment);
                    }
                }
                variants.add(v);
                variantKeys.put(variant.id(), variant.key());
            }
            f.add("variants", variants);
        }
        if (!rules.isEmpty()) {
            JsonArrayBuilder ruleArray = JsonP.PROVIDER.createArrayBuilder();
            for (Rule rule : rules) {
                JsonObjectBuilder r = JsonP.PROVIDER.createObjectBuilder();
                List<Segment> ruleSegments = rule.segments();
                if (ruleSegments.size() == 1) {
                    r.add("segment", ruleSegments.get(0).key());
                } else {
                    r.add("segment", JsonP.PROVIDER.createObjectBuilder()
                            .add("keys", keys(ruleSegments))
                            .add("operator", rule.segmentOperator().name()));
                }
                if (!rule.distributions().isEmpty()) {
                    JsonArrayBuilder distributions = JsonP.PROVIDER.createArrayBuilder();
                    for (Distribution d : rule.distributions()) {
                        JsonObjectBuilder dist = JsonP.PROVIDER.createObjectBuilder();
                        optional(dist, "variant", variantKeys.getOrDefault(d.variant().id(), ""));
                        distributions.add(dist.add("rollout", Messages.float32Number(d.rollout())));
                    }
                    r.add("distributions", distributions);
                }
                ruleArray.add(r);
            }
            f.add("rules", ruleArray);
        }
        if (!rollouts.isEmpty()) {
            JsonArrayBuilder rolloutArray = JsonP.PROVIDER.createArrayBuilder();
            for (Rollout rollout : rollouts) {
                JsonObjectBuilder r = JsonP.PROVIDER.createObjectBuilder();
                optional(r, "description", rollout.description());
                if (rollout.type() == RolloutType.SEGMENT_ROLLOUT_TYPE) {
                    JsonObjectBuilder s = JsonP.PROVIDER.createObjectBuilder();
                    if (rollout.segments().size() == 1) {
                        s.add("key", rollout.segments().get(0).key());
                    } else {
                        s.add("keys", keys(rollout.segments()));
                    }
                    if (rollout.segmentOperator() == SegmentOperator.AND_SEGMENT_OPERATOR) {
                        s.add("operator", rollout.segmentOperator().name());
                    }
                    if (rollout.value()) {
                        s.add("value", true);
                    }
                    r.add("segment", s);
                } else {
                    JsonObjectBuilder t = JsonP.PROVIDER.createObjectBuilder()
                            .add("percentage", Messages.float32Number(rollout.percentage()));
                    if (rollout.value()) {
                        t.add("value", true);
                    }
                    r.add("threshold", t);
                }
                rolloutArray.add(r);
            }
            f.add("rollouts", rolloutArray);
        }
        return f.build();
    }

    private static JsonObject segment(Segment segment) {
        JsonObjectBuilder s = JsonP.PROVIDER.createObjectBuilder().add("key", segment.key());
        optional(s, "name", segment.name());
        optional(s, "description", segment.description());
        if (!segment.constraints().isEmpty()) {
            JsonArrayBuilder constraints = JsonP.PROVIDER.createArrayBuilder();
            for (Constraint c : segment.constraints()) {
                JsonObjectBuilder constraint = JsonP.PROVIDER.createObjectBuilder().add("type", c.type().name());
                optional(constraint, "property", c.property());
                optional(constraint, "operator", c.operator());
                optional(constraint, "value", c.value());
                optional(constraint, "description", c.description());
                constraints.add(constraint);
            }
            s.add("constraints", constraints);
        }
        s.add("match_type", segment.matchType().name());
        return s.build();
    }

    private static JsonArrayBuilder keys(List<Segment> segments) {
        JsonArrayBuilder keys = JsonP.PROVIDER.createArrayBuilder();
        segments.forEach(s -> keys.add(s.key()));
        return keys;
    }

    private static void optional(JsonObjectBuilder object, String name, String value) {
        if (value != null && !value.isEmpty()) {
            object.add(name, value);
        }
    }

    private static JsonValue parse(String json) {
        try (JsonReader reader = JsonP.PROVIDER.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }

    /** Object keys in sorted order at every level, as Go marshals a map. */
    static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject object) {
            JsonObjectBuilder out = JsonP.PROVIDER.createObjectBuilder();
            new TreeMap<>(object).forEach((k, v) -> out.add(k, sorted(v)));
            return out.build();
        }
        if (value instanceof jakarta.json.JsonArray array) {
            JsonArrayBuilder out = JsonP.PROVIDER.createArrayBuilder();
            array.forEach(v -> out.add(sorted(v)));
            return out.build();
        }
        return value;
    }
}
