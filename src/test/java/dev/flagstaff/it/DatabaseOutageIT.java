package dev.flagstaff.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * The database taken away from one server (a TCP proxy of the test's own between the server and the shared
 * PostgreSQL or MariaDB is cut; the shared database is never touched): an outage leaves evaluations answering
 * from memory, writes answer 503 code 14 quickly, readiness goes down while {@code /health} stays up, and when
 * the database returns, writes work again and nothing acknowledged before is lost.
 */
class DatabaseOutageIT {

    private static final String EVALUATE = "{\"flagKey\":\"steady\",\"entityId\":\"u\"}";

    @Test
    void losingTheDatabaseWhileRunning() {
        String db = System.getProperty("flagstaff.it.db", "h2");
        assumeFalse(db.equals("h2"), "an outage needs a database server");
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("outage"));
        URI target = URI.create(settings.get("flagstaff.db.url").substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
            settings.put("flagstaff.db.url", settings.get("flagstaff.db.url")
                    .replace("//" + target.getHost() + ":" + target.getPort() + "/", "//127.0.0.1:" + proxy.port() + "/"));

            try (PayaraProcess server = PayaraProcess.start("outage", settings, Map.of()).awaitReady(SeveralInstancesIT.STARTUP)) {
                Api api = new Api(server.url());
                awaitStatus(() -> api.get("/health/ready").status(), 200, 60);
                api.post("/api/v1/flags", "{\"key\":\"steady\",\"name\":\"Steady\",\"type\":\"BOOLEAN_FLAG_TYPE\","
                        + "\"enabled\":true}").ok();
                api.post("/api/v1/flags", flag("kept")).ok(); // acknowledged before the outage
                assertTrue(enabled(api));
                List<Long> before = evaluationLatencies(api, 300);

                // 2. the database goes away while the server runs
                proxy.cut();
                List<Long> during = evaluationLatencies(api, 300); // each asserts 200 and the flag's value
                long start = System.nanoTime();
                Api.Reply write = api.post("/api/v1/flags", flag("lost"));
                long writeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                write.assertError(503, 14, "the database is unavailable; try again later");
                start = System.nanoTime();
                api.put("/api/v1/flags/kept", "{\"name\":\"changed\"}")
                        .assertError(503, 14, "the database is unavailable; try again later");
                long secondWriteMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                Api.Reply ready = api.get("/health/ready");
                assertEquals(503, ready.status(), "readiness is down: " + ready.body());
                assertTrue(ready.body().contains("\"DOWN\""), ready.body());
                assertEquals(200, api.get("/health").status(), "/health stays up");
                List<Long> stillDuring = evaluationLatencies(api, 300);
                System.out.printf("[flagstaff-it] %s outage: evaluation latency before p50 %.2f ms p99 %.2f ms, during "
                                + "p50 %.2f ms p99 %.2f ms (and %.2f / %.2f ms later on); writes answered 503 in %d ms and %d ms%n",
                        db, millis(before, 50), millis(before, 99), millis(during, 50), millis(during, 99),
                        millis(stillDuring, 50), millis(stillDuring, 99), writeMillis, secondWriteMillis);
                assertTrue(writeMillis < 10_000 && secondWriteMillis < 10_000, "writes fail quickly: "
                        + writeMillis + " ms, " + secondWriteMillis + " ms");
                assertTrue(millis(during, 99) < millis(before, 99) + 50, "no added evaluation latency");

                // 3. the database returns: writes work again without a restart, nothing acknowledged is lost
                proxy.restore();
                awaitStatus(() -> api.post("/api/v1/flags", flag("after")).status(), 200, 60);
                assertEquals("kept", api.get("/api/v1/flags/kept").ok().getString("name"));
                assertEquals(404, api.get("/api/v1/flags/lost").status(), "the write answered 503 was not made");
                api.put("/api/v1/flags/steady", "{\"name\":\"Steady\",\"enabled\":false}").ok();
                assertTrue(!enabled(api), "evaluations see writes again");
                awaitStatus(() -> api.get("/health/ready").status(), 200, 30);
                System.out.printf("[flagstaff-it] %s outage: server log lines: %d SEVERE, %d WARNING%n", db,
                        server.log().lines().filter(l -> l.startsWith("SEVERE")).count(),
                        server.log().lines().filter(l -> l.startsWith("WARNING")).count());
                System.out.println(severe(server.log()));
            }
        }
    }

    /**
     * A (re)start while the database is away: the application deploys anyway, evaluations and writes answer
     * 503 code 14, {@code /health} is up and readiness DOWN; once the database answers, the migrations run and
     * everything works without a restart.
     */
    @Test
    void startingWhileTheDatabaseIsAway() {
        String db = System.getProperty("flagstaff.it.db", "h2");
        assumeFalse(db.equals("h2"), "an outage needs a database server");
        Map<String, String> settings = new HashMap<>(TestDatabase.ownDatabase("outagestart"));
        URI target = URI.create(settings.get("flagstaff.db.url").substring("jdbc:".length()));
        try (TcpProxy proxy = new TcpProxy(target.getHost(), target.getPort())) {
            settings.put("flagstaff.db.url", settings.get("flagstaff.db.url")
                    .replace("//" + target.getHost() + ":" + target.getPort() + "/", "//127.0.0.1:" + proxy.port() + "/"));
            proxy.cut(); // refused from the start

            try (PayaraProcess server = PayaraProcess.start("outagestart", settings, Map.of()).awaitReady(SeveralInstancesIT.STARTUP)) {
                Api api = new Api(server.url());
                awaitStatus(() -> api.get("/health").status(), 200, 120); // deployed, not refused
                Api.Reply ready = api.get("/health/ready");
                assertEquals(503, ready.status(), "readiness is down: " + ready.body());
                assertTrue(ready.body().contains("\"DOWN\""), ready.body());
                api.post("/evaluate/v1/boolean", EVALUATE).assertError(503, 14, "the database is unavailable; try again later");
                api.post("/evaluate/v1/boolean", EVALUATE).assertError(503, 14, "the database is unavailable; try again later");
                api.post("/api/v1/flags", flag("early")).assertError(503, 14, "the database is unavailable; try again later");
                api.get("/api/v1/flags").assertError(503, 14, "the database is unavailable; try again later");
                assertEquals(404, api.get("/no/such/path").status(), "routes still answer");

                long restored = System.nanoTime();
                proxy.restore();
                awaitStatus(() -> api.get("/health/ready").status(), 200, 60);
                long readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restored);
                api.post("/api/v1/flags", "{\"key\":\"steady\",\"name\":\"Steady\",\"type\":\"BOOLEAN_FLAG_TYPE\","
                        + "\"enabled\":true}").ok();
                assertTrue(enabled(api), "evaluations answer once the database is reached");
                api.put("/api/v1/flags/steady", "{\"name\":\"Steady\",\"enabled\":false}").ok();
                assertTrue(!enabled(api), "and see writes");
                assertEquals(404, api.get("/api/v1/flags/early").status(), "the write answered 503 was not made");
                System.out.printf("[flagstaff-it] %s start without the database: deployed, 503 code 14 for evaluations "
                        + "and writes, ready %d ms after the database came back; server log: %d SEVERE, %d WARNING%n",
                        db, readyMillis, server.log().lines().filter(l -> l.startsWith("SEVERE")).count(),
                        server.log().lines().filter(l -> l.startsWith("WARNING")).count());
                System.out.println(severe(server.log()));
            }
        }
    }

    private static String flag(String key) {
        return "{\"key\":\"" + key + "\",\"name\":\"" + key + "\",\"type\":\"BOOLEAN_FLAG_TYPE\"}";
    }

    private static boolean enabled(Api api) {
        JsonObject result = api.post("/evaluate/v1/boolean", EVALUATE).ok();
        return result.getBoolean("enabled");
    }

    /** Sequential evaluations, each checked; their latencies in nanoseconds, sorted. */
    private static List<Long> evaluationLatencies(Api api, int count) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            Api.Reply reply = api.post("/evaluate/v1/boolean", EVALUATE);
            nanos.add(System.nanoTime() - start);
            assertEquals(200, reply.status(), () -> "evaluation answers from memory: " + reply.body());
        }
        Collections.sort(nanos);
        return nanos;
    }

    private static double millis(List<Long> sortedNanos, int percentile) {
        return SeveralInstancesIT.percentile(sortedNanos, percentile) / 1_000_000.0;
    }

    private static void awaitStatus(Supplier<Integer> status, int expected, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int last;
        while ((last = status.get()) != expected) {
            assertTrue(System.nanoTime() < deadline, "status " + expected + " within " + seconds + " s; last " + last);
            PayaraProcess.sleep(250);
        }
    }

    private static String severe(String log) {
        StringBuilder out = new StringBuilder();
        List<String> lines = log.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("SEVERE")) {
                out.append(String.join("\n", lines.subList(Math.max(0, i - 1), Math.min(lines.size(), i + 4)))).append('\n');
            }
        }
        return out.toString();
    }
}
