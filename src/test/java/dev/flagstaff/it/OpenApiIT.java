package dev.flagstaff.it;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code /openapi} and {@code /docs} as a client sees them: the document is valid OpenAPI 3, has Flipt's
 * operations with Flipt's operation ids and schema names (test data in {@code openapi/}), tells the server's
 * truth where Flipt's document does not, and the Swagger UI page loads with its files. The document does not
 * depend on the database, so this runs in the H2 suite only.
 */
@FlagstaffIT
@Tag("embedded-only")
class OpenApiIT {

    @Deployment(testable = false)
    static WebArchive war() {
        return Deployments.builtWar();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    private static SwaggerParseResult validate(String document) {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, new ParseOptions());
        assertEquals(List.of(), result.getMessages(), "the OpenAPI 3 validator's messages about /openapi");
        assertNotNull(result.getOpenAPI(), "/openapi parsed");
        return result;
    }

    private OpenAPI served() {
        Api.Reply reply = api.get("/openapi");
        assertEquals(200, reply.status(), reply.body());
        return validate(reply.body()).getOpenAPI();
    }

    @Test
    void theDocumentIsValidOpenApi3() {
        OpenAPI openApi = served();
        assertTrue(openApi.getOpenapi().startsWith("3."), openApi.getOpenapi());
        assertEquals("Flagstaff", openApi.getInfo().getTitle());
    }

    @Test
    void jsonWhenAskedFor() {
        for (Api.Reply reply : List.of(api.get("/openapi?format=JSON"),
                api.send("GET", "/openapi", null, null, "Accept", "application/json"))) {
            assertEquals(200, reply.status());
            assertEquals("application/json", reply.contentType().replaceAll(";.*", ""));
            assertEquals("3.0.3", reply.json().getString("openapi"));
            assertEquals(served().getPaths().keySet(), validate(reply.body()).getOpenAPI().getPaths().keySet());
        }
        assertEquals("application/yaml", api.get("/openapi?format=yaml").contentType().replaceAll(";.*", ""));
        api.get("/openapi?format=XML").assertError(400, 3, "format must be JSON or YAML");
    }

    /**
     * Every operation of Flipt's document with the same id and schema names, and every route Flipt's document
     * leaves out; nothing else. The difference lists must be empty.
     */
    @Test
    void fliptsOperationsWithTheirIdsAndSchemaNames() {
        Set<String> flipt = lines("flipt-v1.59.3-operations.txt");
        Set<String> flagstaffOnly = lines("flagstaff-operations.txt");
        Set<String> notServed = lines("not-served-operations.txt");
        assertTrue(flipt.containsAll(notServed), "the operations left out on purpose are Flipt operations");
        Set<String> served = operations(served());

        Set<String> expected = new TreeSet<>(flipt);
        expected.addAll(flagstaffOnly);
        List<String> missing = expected.stream().filter(o -> !served.contains(o) && !notServed.contains(o)).toList();
        List<String> unexpected = served.stream()
                .filter(o -> !expected.contains(o) || notServed.contains(o)).toList();
        assertEquals(List.of(), missing, "operations missing from /openapi (or with another id or schema); "
                + "/openapi has: " + String.join("\n", served));
        assertEquals(List.of(), unexpected, "operations of /openapi that the test data does not list: a new route "
                + "goes into src/test/resources/dev/flagstaff/it/openapi/flagstaff-operations.txt");
    }

    @Test
    void errorsAreDescribed() {
        OpenAPI openApi = served();
        Schema<?> status = openApi.getComponents().getSchemas().get("Status");
        assertEquals(List.of("code", "message", "details"), List.copyOf(status.getProperties().keySet()));
        assertEquals(Set.of("code", "message", "details"), Set.copyOf(status.getRequired()));
        assertEquals("integer", ((Schema<?>) status.getProperties().get("code")).getType());
        forEachOperation(openApi, (path, operation) -> {
            ApiResponse error = resolve(openApi, operation.getResponses().get("default"));
            assertNotNull(error, path + " " + operation.getOperationId() + " has a default (error) response");
            String schema = schemaName(error.getContent());
            assertEquals(path.startsWith("/ofrep/") ? "OfrepErrorResponse" : "Status", schema,
                    path + " " + operation.getOperationId());
        });
    }

    @Test
    void bearerTokens() {
        OpenAPI openApi = served();
        SecurityScheme bearer = openApi.getComponents().getSecuritySchemes().get("bearerAuth");
        assertEquals(SecurityScheme.Type.HTTP, bearer.getType());
        assertEquals("bearer", bearer.getScheme());
        assertEquals(List.of("bearerAuth"), List.copyOf(openApi.getSecurity().get(0).keySet()));
    }

    /** Contract section 12: where Flipt's document and Flipt's server disagree, the document follows the server. */
    @Test
    void theServersTruthWhereFliptsDocumentIsWrong() {
        Map<String, Schema> schemas = served().getComponents().getSchemas();
        assertEquals(List.of("key", "name"), schemas.get("CreateFlagRequest").getRequired(), "type is optional");
        assertEquals(List.of("key", "name"), schemas.get("CreateSegmentRequest").getRequired(), "matchType is optional");
        assertEquals(List.of("name"), schemas.get("UpdateSegmentRequest").getRequired(), "matchType is optional");
        assertEquals(null, schemas.get("CreateRolloutRequest").getRequired(), "rank is optional");
        assertEquals(null, schemas.get("EvaluationRequest").getRequired(), "nothing is validated");
        assertEquals(null, schemas.get("BatchEvaluationRequest").getRequired(), "requests may be empty");
        assertEquals("VARIANT_FLAG_TYPE", property(schemas, "CreateFlagRequest", "type").getDefault());
        assertEquals(List.of("VARIANT_FLAG_TYPE", "BOOLEAN_FLAG_TYPE"), property(schemas, "Flag", "type").getEnum());
        assertEquals("boolean", property(schemas, "Flag", "enabled").getType());
        assertEquals("date-time", property(schemas, "Flag", "createdAt").getFormat());
        assertEquals("float", property(schemas, "Distribution", "rollout").getFormat());
        assertTrue(schemas.get("Flag").getRequired().containsAll(List.of("key", "variants", "type")),
                "fields with default values are always sent");
        assertTrue(schemas.get("RolloutList").getProperties().containsKey("rules"), "rollouts are listed under rules");

        Operation deleteDistribution = served().getPaths()
                .get("/api/v1/namespaces/{namespaceKey}/flags/{flagKey}/rules/{ruleId}/distributions/{id}").getDelete();
        Parameter variantId = deleteDistribution.getParameters().stream()
                .filter(p -> p.getName().equals("variantId")).findFirst().orElseThrow();
        assertEquals("query", variantId.getIn());
        assertTrue(variantId.getRequired(), "variantId is required");
    }

    /** Legacy routes read the namespace from the query (GET, DELETE) or body, and have no namespace path parameter. */
    @Test
    void legacyRoutesTakeTheNamespaceFromTheQuery() {
        OpenAPI openApi = served();
        Operation get = openApi.getPaths().get("/api/v1/flags/{key}").getGet();
        assertEquals(List.of("key path", "namespaceKey query", "reference query"),
                get.getParameters().stream().map(p -> p.getName() + " " + p.getIn()).toList());
        assertTrue(schemaNames(openApi).containsAll(Set.of("Flag", "FlagList", "CreateFlagRequest", "Status")));
        assertFalse(schemaNames(openApi).contains("JsonWritable"), "writer types are not schemas");
        assertFalse(schemaNames(openApi).contains("JsonBody"), "reader types are not schemas");
    }

    private static final Pattern ASSET = Pattern.compile("(?:href|src)=\"([^\"]+)\"");

    @Test
    void theDocsPageLoadsWithItsFilesAndReadsOpenapi() {
        for (String page : List.of("/docs", "/docs/")) {
            Api.Reply reply = api.get(page);
            assertEquals(200, reply.status(), page);
            assertEquals("text/html", reply.contentType().replaceAll(";.*", ""), page);
            assertTrue(reply.body().contains("SwaggerUIBundle("), reply.body());
            assertTrue(reply.body().contains("url: \"/openapi\""), "the page reads /openapi: " + reply.body());
        }
        Matcher m = ASSET.matcher(api.get("/docs").body());
        List<String> assets = new ArrayList<>();
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertEquals(List.of("/docs/swagger-ui.css", "/docs/index.css", "/docs/favicon-32x32.png",
                "/docs/swagger-ui-bundle.js", "/docs/swagger-ui-standalone-preset.js"), assets);
        for (String asset : assets) {
            Api.Reply reply = api.get(asset);
            assertEquals(200, reply.status(), asset);
            String type = reply.contentType().replaceAll(";.*", "");
            String expected = asset.endsWith(".css") ? "text/css" : asset.endsWith(".js") ? "text/javascript"
                    : "image/png";
            assertEquals(expected, type, asset);
            assertTrue(reply.body().length() > 100, asset + " has content");
        }
        assertTrue(api.get("/docs/swagger-ui-bundle.js").body().contains("SwaggerUIBundle"));
        api.get("/docs/oauth2-redirect.html").assertError(404, 5, "Not Found");
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private static Set<String> lines(String file) {
        try (InputStream in = OpenApiIT.class.getResourceAsStream("openapi/" + file)) {
            assertNotNull(in, file);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code METHOD path operationId requestSchema responseSchema}, path parameters written {@code {}}. */
    private static Set<String> operations(OpenAPI openApi) {
        Set<String> out = new TreeSet<>();
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String request = operation.getRequestBody() == null ? "-" : schemaName(operation.getRequestBody().getContent());
            ApiResponse ok = operation.getResponses().get("200");
            String response = ok == null ? "-" : schemaName(ok.getContent());
            out.add(method + " " + path.replaceAll("\\{[^}]*}", "{}") + " " + operation.getOperationId() + " "
                    + request + " " + response);
        }));
        return out;
    }

    private static String schemaName(Content content) {
        if (content == null || content.get("application/json") == null) {
            return "-";
        }
        String ref = content.get("application/json").getSchema().get$ref();
        return ref == null ? "-" : ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static ApiResponse resolve(OpenAPI openApi, ApiResponse response) {
        if (response != null && response.get$ref() != null) {
            String name = response.get$ref().substring(response.get$ref().lastIndexOf('/') + 1);
            return openApi.getComponents().getResponses().get(name);
        }
        return response;
    }

    private static void forEachOperation(OpenAPI openApi, java.util.function.BiConsumer<String, Operation> check) {
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(o -> check.accept(path, o)));
    }

    private static Schema<?> property(Map<String, Schema> schemas, String schema, String property) {
        return (Schema<?>) schemas.get(schema).getProperties().get(property);
    }

    private static Set<String> schemaNames(OpenAPI openApi) {
        return openApi.getComponents().getSchemas().keySet();
    }
}
