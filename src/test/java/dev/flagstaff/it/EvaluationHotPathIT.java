package dev.flagstaff.it;

import dev.flagstaff.persistence.CountingDataSource;
import dev.flagstaff.persistence.Database;
import jakarta.enterprise.inject.spi.CDI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs inside the server, next to Flagstaff, so it can read the count of connections and statements of the
 * DataSource everything uses: once a namespace's snapshot is built, evaluations over HTTP do no database work
 * at all, on any of the evaluation routes.
 */
@FlagstaffIT
class EvaluationHotPathIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.builtWar().addClasses(EvaluationHotPathIT.class, Api.class, Api.Reply.class,
                FlagstaffIT.class, TestDatabase.class, Deployments.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void evaluationsIssueNoSql() {
        Api api = new Api(base);
        String ns = "hot-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "/api/v1/namespaces/" + ns;
        api.post("/api/v1/namespaces", "{\"key\":\"" + ns + "\",\"name\":\"Hot\"}").ok();
        api.post(p + "/flags", "{\"key\":\"color\",\"name\":\"Color\",\"enabled\":true}").ok();
        String red = api.post(p + "/flags/color/variants", "{\"key\":\"red\"}").ok().getString("id");
        api.post(p + "/segments", "{\"key\":\"pro\",\"name\":\"Pro\"}").ok();
        api.post(p + "/segments/pro/constraints", "{\"type\":\"STRING_COMPARISON_TYPE\",\"property\":\"plan\","
                + "\"operator\":\"eq\",\"value\":\"pro\"}").ok();
        String rule = api.post(p + "/flags/color/rules", "{\"segmentKey\":\"pro\",\"rank\":1}").ok().getString("id");
        api.post(p + "/flags/color/rules/" + rule + "/distributions", "{\"variantId\":\"" + red + "\",\"rollout\":100}").ok();
        api.post(p + "/flags", "{\"key\":\"dark\",\"name\":\"Dark\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
        api.post(p + "/flags/dark/rollouts", "{\"rank\":1,\"threshold\":{\"percentage\":50,\"value\":true}}").ok();
        String variant = "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"color\",\"entityId\":\"u\",\"context\":{\"plan\":\"pro\"}}";
        // the first evaluation builds the snapshot: that may read the database
        assertEquals("red", api.post("/evaluate/v1/variant", variant).ok().getString("variantKey"));

        CountingDataSource db = CDI.current().select(Database.class).get().dataSource();
        long connections = db.connections();
        long statements = db.statements();
        for (int i = 0; i < 50; i++) {
            String entity = "user-" + i;
            assertEquals("red", api.post("/evaluate/v1/variant", variant.replace("\"u\"", "\"" + entity + "\""))
                    .ok().getString("variantKey"));
            api.post("/evaluate/v1/boolean", "{\"namespaceKey\":\"" + ns + "\",\"flagKey\":\"dark\",\"entityId\":\""
                    + entity + "\"}").ok();
            api.post("/evaluate/v1/batch", "{\"requests\":[" + variant + "]}").ok();
            api.post(p + "/evaluate", "{\"flagKey\":\"color\",\"entityId\":\"" + entity + "\",\"context\":{\"plan\":\"pro\"}}").ok();
            api.send("POST", "/ofrep/v1/evaluate/flags/dark", "{\"context\":{\"targetingKey\":\"" + entity + "\"}}",
                    "application/json", "x-flipt-namespace", ns).ok();
            api.get("/internal/v1/evaluation/snapshot/namespace/" + ns).ok();
        }
        assertEquals(connections, db.connections(), "no connection taken by 300 evaluations");
        assertEquals(statements, db.statements(), "no statement run by 300 evaluations");

        // and the counter does count: a write goes to the database
        api.put(p + "/flags/dark", "{\"name\":\"Dark\"}").ok();
        assertTrue(db.statements() > statements, "a write runs statements");
    }
}
