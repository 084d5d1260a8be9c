package dev.flagstaff.it;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Scheduled changes on servers of their own ({@link PayaraProcess}): two instances on one PostgreSQL schema run
 * a schedule exactly once, and a schedule outlives a restart of the server. Each instance checks the
 * database for due schedules every second (the default); the log line "Scheduled change … applied by instance"
 * is written after the change committed, once per application.
 */
@Tag("embedded-only")
class ScheduleInstancesIT {

    private static final String APPLIED = "Scheduled change ";

    /** Two Payara Micro JVMs next to the test server: on a shared 2-core machine a start can take minutes. */
    private static final Duration READY = Duration.ofMinutes(8);

    private static long applied(PayaraProcess server, String id) {
        return server.log().lines().filter(l -> l.contains(APPLIED + id) && l.contains("applied by instance")).count();
    }

    private static JsonObject awaitRun(Api api, String path, int seconds) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        JsonObject schedule = api.get(path).ok();
        while ("PENDING".equals(schedule.getString("state")) && System.nanoTime() < deadline) {
            PayaraProcess.sleep(100);
            schedule = api.get(path).ok();
        }
        return schedule;
    }

    @Test
    void twoInstancesOnOnePostgresqlRunAScheduleExactlyOnce() {
        Map<String, String> settings = new HashMap<>(TestDatabase.postgresqlSchema(TestDatabase.named("flagstaff_sched2")));
        try (PayaraProcess a = PayaraProcess.start("sched-a", settings, Map.of());
             PayaraProcess b = PayaraProcess.start("sched-b", settings, Map.of())) {
            Api viaA = new Api(a.awaitReady(READY).url());
            Api viaB = new Api(b.awaitReady(READY).url());
            viaA.post("/api/v1/flags", "{\"key\":\"shared\",\"name\":\"Shared\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
            String before = viaB.get("/api/v1/flags/shared").ok().getString("updatedAt");
            Instant at = Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.MILLIS);
            // created through B, so that A only learns of it from the database, as B does
            String id = viaB.post("/api/v1/namespaces/default/flags/shared/schedules",
                    "{\"at\":\"" + at + "\",\"change\":{\"type\":\"ENABLE\"}}").ok().getString("id");
            String path = "/api/v1/namespaces/default/flags/shared/schedules/" + id;
            assertEquals("PENDING", viaA.get(path).ok().getString("state"), "A sees B's schedule");

            JsonObject done = awaitRun(viaA, path, 30);
            Instant seen = Instant.now();
            assertEquals("DONE", done.getString("state"), done.toString());
            long late = Duration.between(at, Instant.parse(done.getString("executedAt"))).toMillis();
            System.out.println("[flagstaff-it] two instances: schedule ran " + late + " ms after its time (seen after "
                    + Duration.between(at, seen).toMillis() + " ms)");
            assertTrue(late >= 0 && late < 5000, "within 5 s of its time: " + late + " ms");

            JsonObject flag = viaB.get("/api/v1/flags/shared").ok();
            assertTrue(flag.getBoolean("enabled"));
            String after = flag.getString("updatedAt");
            assertFalse(before.equals(after), "the flag was updated");
            PayaraProcess.sleep(3000); // both instances have polled again since
            assertEquals(after, viaA.get("/api/v1/flags/shared").ok().getString("updatedAt"),
                    "the flag was updated once: no second application later");
            long total = applied(a, id) + applied(b, id);
            System.out.println("[flagstaff-it] two instances: applied by A " + applied(a, id) + " time(s), by B "
                    + applied(b, id) + " time(s)");
            assertEquals(1, total, "applied exactly once across both instances");
            assertEquals(done, viaB.get(path).ok());
        }
    }

    @Test
    void aScheduleOutlivesARestart() {
        Map<String, String> settings = TestDatabase.ownDatabase("sched_restart");
        String id;
        PayaraProcess first = PayaraProcess.start("sched-restart-1", settings, Map.of());
        try (first) { // started in the resource, awaited inside: a server that never gets ready is stopped too
            Api api = new Api(first.awaitReady(READY).url());
            api.post("/api/v1/flags", "{\"key\":\"later\",\"name\":\"Later\",\"type\":\"BOOLEAN_FLAG_TYPE\"}").ok();
            Instant at = Instant.now().plusSeconds(45); // after the stop, even on a slow machine
            id = api.post("/api/v1/namespaces/default/flags/later/schedules",
                    "{\"at\":\"" + at + "\",\"change\":{\"type\":\"ENABLE\"}}").ok().getString("id");
        } // stopped before its time
        assertEquals(0, applied(first, id), "the first server stopped before the schedule's time");
        try (PayaraProcess second = PayaraProcess.start("sched-restart-2", settings, Map.of())) {
            Api api = new Api(second.awaitReady(READY).url());
            JsonObject done = awaitRun(api, "/api/v1/namespaces/default/flags/later/schedules/" + id, 40);
            assertEquals("DONE", done.getString("state"), done.toString());
            assertTrue(api.get("/api/v1/flags/later").ok().getBoolean("enabled"));
            assertEquals(1, applied(second, id), "the restarted server ran it");
        }
    }
}
