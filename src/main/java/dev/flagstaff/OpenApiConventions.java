package dev.flagstaff;

import dev.flagstaff.streaming.boundary.ClientApiDocument;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last step of the OpenAPI document's generation (the MicroProfile OpenAPI filter that
 * smallrye-open-api-maven-plugin applies at build time, see pom.xml): conventions the annotations cannot say
 * once for every route.
 * <ul>
 * <li>Every operation under {@code /api/v1} has the tag {@code Flipt} (Flipt's gRPC service {@code flipt.Flipt}
 * serves all of them) before its own, as in Flipt's document.</li>
 * <li>The legacy routes ({@code /api/v1/flags…}, {@code /api/v1/segments…}, {@code /api/v1/evaluate},
 * {@code /api/v1/batch-evaluate}) are subclasses of the namespaced resources and inherit their annotations, so
 * their operations get the namespaced operation's id plus {@code Legacy} ({@code listFlagsLegacy}), and the
 * {@code namespaceKey} path parameter they do not have becomes the optional query parameter it is for GET and
 * DELETE (POST and PUT take it from the body, whose schema has it).</li>
 * <li>Every operation without its own {@code default} response gets the {@code Error} response: the body of
 * contract section 1.5 (schema {@code Status}).</li>
 * <li>Every parameter of the path template is declared, also where the Java method does not read it (the rule
 * and rollout reads look an id up without the flag key).</li>
 * <li>A schema that is a {@code oneOf} of scalars loses the {@code type: object} SmallRye gives every class
 * ({@code GoogleProtobufValue}), and {@code AnyJsonValue} (an attachment of an export document) has no type.</li>
 * <li>{@code /api/v1/export} (all namespaces as Flipt export documents) is not a legacy route.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    static final String LEGACY_SUFFIX = "Legacy";
    static final String FLIPT_TAG = "Flipt";
    static final String ANY_VALUE = "AnyJsonValue";
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        ClientApiDocument.addTo(openAPI); // Flipt v2's client routes: a servlet, not seen by the annotation scan
        if (openAPI.getTags() == null || openAPI.getTags().stream().noneMatch(t -> FLIPT_TAG.equals(t.getName()))) {
            openAPI.addTag(OASFactory.createTag().name(FLIPT_TAG)
                    .description("Flipt's management API and legacy evaluation (`/api/v1`)"));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            for (Schema schema : openAPI.getComponents().getSchemas().values()) {
                if (schema.getOneOf() != null && schema.getType() == Schema.SchemaType.OBJECT) {
                    schema.setType(null);
                }
            }
            Schema any = openAPI.getComponents().getSchemas().get(ANY_VALUE);
            if (any != null) {
                any.setType(null);
            }
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Set<String> inTemplate = new LinkedHashSet<>();
            Matcher m = TEMPLATE.matcher(path.getKey());
            while (m.find()) {
                inTemplate.add(m.group(1));
            }
            boolean legacy = isLegacy(path.getKey());
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                Operation operation = entry.getValue();
                boolean readsQuery = entry.getKey() == PathItem.HttpMethod.GET
                        || entry.getKey() == PathItem.HttpMethod.DELETE;
                fixPathParameters(operation, inTemplate, legacy && readsQuery);
                if (path.getKey().startsWith("/api/v1/")) {
                    List<String> tags = new ArrayList<>();
                    tags.add(FLIPT_TAG);
                    if (operation.getTags() != null) {
                        operation.getTags().stream().filter(t -> !FLIPT_TAG.equals(t)).forEach(tags::add);
                    }
                    operation.setTags(tags);
                }
                if (legacy && operation.getOperationId() != null
                        && !operation.getOperationId().endsWith(LEGACY_SUFFIX)) {
                    operation.setOperationId(operation.getOperationId() + LEGACY_SUFFIX);
                }
                APIResponses responses = operation.getResponses();
                if (responses == null) {
                    responses = OASFactory.createAPIResponses();
                    operation.setResponses(responses);
                }
                if (responses.getDefaultValue() == null) {
                    responses.setDefaultValue(OASFactory.createAPIResponse().ref("Error"));
                }
            }
        }
    }

    /**
     * A route of Flipt's API before namespaces: {@code /api/v1/flags…}, {@code /api/v1/segments…},
     * {@code /api/v1/evaluate}, {@code /api/v1/batch-evaluate}. Flagstaff's own routes outside namespaces (the
     * audit history) are not legacy.
     */
    static boolean isLegacy(String path) {
        return LEGACY_PATH.matcher(path).matches();
    }

    private static final Pattern LEGACY_PATH =
            Pattern.compile("/api/v1/(flags|segments|evaluate|batch-evaluate)(/.*)?");

    /**
     * Path parameters that the path does not have (the inherited {@code namespaceKey} of a legacy route) are
     * dropped; a legacy GET or DELETE reads {@code namespaceKey} from the query string instead.
     */
    private static void fixPathParameters(Operation operation, Set<String> inTemplate, boolean namespaceFromQuery) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        List<Parameter> kept = new ArrayList<>(parameters.size() + 1);
        for (Parameter p : parameters) {
            if (p.getIn() == Parameter.In.PATH && !inTemplate.contains(p.getName())) {
                if (namespaceFromQuery && "namespaceKey".equals(p.getName())) {
                    kept.add(OASFactory.createParameter().name("namespaceKey").in(Parameter.In.QUERY)
                            .description("the namespace; `default` when absent")
                            .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
                }
                continue;
            }
            kept.add(p);
        }
        for (String name : inTemplate) {
            if (kept.stream().noneMatch(p -> p.getIn() == Parameter.In.PATH && name.equals(p.getName()))) {
                kept.add(OASFactory.createParameter().name(name).in(Parameter.In.PATH).required(true)
                        .schema(OASFactory.createSchema().type(Schema.SchemaType.STRING)));
            }
        }
        kept.sort(Comparator.comparing((Parameter p) -> p.getIn() != Parameter.In.PATH));
        operation.setParameters(kept.isEmpty() ? null : kept);
    }
}
