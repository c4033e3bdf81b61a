package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.bench.BotProcess;
import dev.dataopsbot.bot.fake.FakeSlackApi;
import dev.dataopsbot.bot.fake.SignedRequests;
import dev.dataopsbot.rules.redaction.Redactor;
import dev.dataopsbot.rules.redaction.SecretCatalogue;
import dev.dataopsbot.rules.redaction.SecretKind;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret leaves the redactor, end to end through the shaded jar: one alert per kind of secret
 * and personal data the bot knows (each kind's own example line from the catalogue, a realistic
 * failing-pipeline line) goes through the CLI ({@code triage --batch} and {@code triage --json}
 * recorded into one data folder, {@code incident note} and {@code resolve}, {@code db backup}) and
 * through one {@code serve} (channel alerts, Alertmanager webhook annotations and labels, slash
 * triage and note, a thread reply). Then no secret may be found in any file of the data folder
 * (SQLite database, WAL, Lucene index), in the Lucene index read back (its stored fields are
 * compressed on disk), in the backup, in serve's log, in the CLI's output or HTTP answers, or in
 * any call the fake Slack received.
 */
class SecretLeakIT {

    private static final Path JAR = ServeProcess.JAR;
    private static final String SIGNING_SECRET = ServeProcess.SIGNING_SECRET;
    private static final String WEBHOOK_TOKEN = ServeProcess.WEBHOOK_TOKEN;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The catalogue's fake secrets are built from this run of characters; nothing else in the fixtures has it. */
    private static final String FAKE = "fake0123456789DoNotUse";
    private static final Pattern KEY_BODY = Pattern.compile("[A-Za-z0-9+/=]{24,}");
    private static final int CHANNELS = 40;

    @TempDir
    Path work;

    /** One alert per kind: its line and the secret values in it. */
    record Fixture(String kind, String line, List<String> secrets) {
    }

    /** Everything the bot wrote or sent, by where it went. */
    private final Map<String, String> outputs = new LinkedHashMap<>();

    @Test
    void no_secret_of_any_kind_reaches_storage_the_index_logs_output_or_slack() throws Exception {
        List<Fixture> fixtures = fixtures();
        Redactor redactor = new Redactor();
        for (Fixture fixture : fixtures) {
            assertEquals(List.of(), leaks(fixture.kind(), redactor.redact(fixture.line()).text(), fixtures),
                    "the fixtures' secrets must appear only where the redactor removes them");
        }
        Path data = work.resolve("data");

        String key = cli(fixtures, data);
        String index = luceneContent(data.resolve("index"));
        assertTrue(index.contains("[REDACTED]"), "the resolved incident, whose resolution had secrets, is in the index");
        outputs.put("lucene stored fields and terms after the CLI", index);
        serve(fixtures, data, key);
        run(null, "db", "backup", "--to", work.resolve("backup.db").toString(), "--data-dir", data.toString());

        try (Stream<Path> files = Files.walk(data)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                outputs.put(work.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        }
        outputs.put("backup.db", Files.readString(work.resolve("backup.db"), StandardCharsets.ISO_8859_1));
        outputs.put("lucene stored fields and terms after serve", luceneContent(data.resolve("index")));
        assertTrue(outputs.get("data/dataops.db").contains("[REDACTED") || outputs.getOrDefault("data/dataops.db-wal", "")
                .contains("[REDACTED"), "the redacted alerts are in the database");

        List<String> found = new ArrayList<>();
        outputs.forEach((where, text) -> found.addAll(leaks(where, text, fixtures)));
        assertEquals(List.of(), found, "secret values found outside the redactor");
    }

    /** The CLI: batch and JSON triage recorded, a note and a resolution; returns the all-in-one alert's incident key. */
    private String cli(List<Fixture> fixtures, Path data) throws Exception {
        Path batch = work.resolve("alerts.jsonl");
        Files.write(batch, fixtures.stream().map(f -> JSON.createObjectNode().put("id", f.kind()).put("text", f.line())
                .toString()).toList());
        Run batchRun = run(batch, "triage", "--batch", "--data-dir", data.toString());
        assertEquals(fixtures.size(), batchRun.out().lines().count(), batchRun.err());

        Path all = work.resolve("all.log");
        Files.writeString(all, String.join("\n", fixtures.stream().map(Fixture::line).toList()) + "\n");
        JsonNode triage = JSON.readTree(run(null, "triage", "--json", "--data-dir", data.toString(), all.toString()).out());
        Set<String> missing = new TreeSet<>(fixtures.stream().map(Fixture::kind).toList());
        triage.path("redactions").fieldNames().forEachRemaining(missing::remove);
        assertEquals(Set.of(), missing, "every kind is counted in the JSON 'redactions' of the all-in-one alert");
        String key = triage.path("incident").path("key").asText();

        String secretLine = line(fixtures, "secret_pair");
        run(null, "incident", "note", key, "the loader printed " + line(fixtures, "github_pat"), "--by", "alice " + secretLine,
                "--data-dir", data.toString());
        run(null, "incident", "action", key, "rotate " + line(fixtures, "stripe_secret_key"), "--owner",
                "bob " + line(fixtures, "password_env_var"), "--data-dir", data.toString());
        run(null, "incident", "resolve", key, "rotated what " + line(fixtures, "aws_secret_key") + " exposed; "
                + line(fixtures, "uri_password"), "--data-dir", data.toString());
        Run similar = run(all, "triage", "--dry-run", "--data-dir", data.toString());
        assertTrue(similar.out().contains("Similar past incidents:\n  " + key + " "), similar.out());
        return key;
    }

    /** serve: channel alerts, Alertmanager notifications, slash triage and note, a thread reply. */
    private void serve(List<Fixture> fixtures, Path data, String key) throws Exception {
        try (FakeSlackApi slack = new FakeSlackApi()) {
            BotProcess serve = ServeProcess.startReady(slack, work, data, "serve.log",
                    Map.of("DATAOPS_SECURITY_CHANNEL", "CSEC"));
            HttpClient http = HttpClient.newHttpClient();
            try {
                URI events = serve.endpoint("/slack/events");
                for (int i = 0; i < fixtures.size(); i++) {
                    ObjectNode message = JSON.createObjectNode().put("type", "message").put("subtype", "bot_message")
                            .put("bot_id", "BAIRFLOW").put("username", "Airflow").put("channel", channel(i))
                            .put("ts", ts(i)).put("text", fixtures.get(i).line());
                    answer("channel alert " + fixtures.get(i).kind(), 200, http, SignedRequests.event(events,
                            event("Ev" + i, message), Instant.now(), SIGNING_SECRET));
                }
                URI webhook = serve.endpoint("/webhooks/alertmanager?channel=");
                for (int from = 0; from < fixtures.size(); from += 5) {
                    List<Fixture> group = fixtures.subList(from, Math.min(from + 5, fixtures.size()));
                    answer("alertmanager " + from, 200, http, HttpRequest.newBuilder(URI.create(webhook + "CW" + from / 5))
                            .header("Content-Type", "application/json").header("Authorization", "Bearer " + WEBHOOK_TOKEN)
                            .POST(HttpRequest.BodyPublishers.ofString(notification(group, from))).build());
                }
                for (String kind : List.of("ssh_private_key", "databricks_token", "iban")) {
                    answer("slash triage " + kind, 200, http, SignedRequests.slashCommand(events, "triage " + line(fixtures, kind),
                            "CSLASH", slack.responseUrl("triage-" + kind), Instant.now(), SIGNING_SECRET));
                }
                answer("slash note", 200, http, SignedRequests.slashCommand(events, "note " + key + " "
                        + line(fixtures, "azure_sas_signature"), "CSLASH", slack.responseUrl("note"), Instant.now(), SIGNING_SECRET));
                slack.await("chat.postMessage", call -> ts(0).equals(call.param("thread_ts")));
                ObjectNode reply = JSON.createObjectNode().put("type", "message").put("channel", channel(0)).put("user", "U2")
                        .put("ts", "1700009999.000100").put("thread_ts", ts(0)).put("text", "action: rotate it, "
                                + line(fixtures, "slack_webhook"));
                answer("thread reply", 200, http, SignedRequests.event(events, event("EvReply", reply), Instant.now(), SIGNING_SECRET));
                awaitQuiet(slack);
            } finally {
                serve.terminate();
            }
            assertTrue(slack.calls("chat.postMessage").size() >= fixtures.size(),
                    "alerts were answered in Slack: " + slack.calls("chat.postMessage").size());
            int n = 0;
            for (FakeSlackApi.Call call : slack.calls()) {
                outputs.put("slack call " + n++ + " " + call.method(), call.params() + "\n" + call.body() + "\n"
                        + URLDecoder.decode(call.body().replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            outputs.put("serve log", Files.readString(work.resolve("serve.log")));
        }
    }

    private static String event(String id, ObjectNode message) {
        ObjectNode event = JSON.createObjectNode().put("type", "event_callback").put("team_id", "T1").put("api_app_id", "A1")
                .put("event_id", id).put("event_time", 1700000100);
        event.set("event", message);
        return event.toString();
    }

    /** An Alertmanager version 4 notification, one firing alert per fixture; the line is its description. */
    private static String notification(List<Fixture> group, int from) {
        ObjectNode body = JSON.createObjectNode().put("version", "4").put("status", "firing").put("receiver", "dataops")
                .put("groupKey", "{}:{alertname=\"PipelineTaskFailed\"}").put("externalURL", "http://alertmanager:9093");
        ArrayNode alerts = body.putArray("alerts");
        for (int i = 0; i < group.size(); i++) {
            ObjectNode alert = alerts.addObject().put("status", "firing").put("startsAt", "2024-05-01T03:00:00Z")
                    .put("endsAt", "0001-01-01T00:00:00Z").put("fingerprint", String.format(Locale.ROOT, "%016x", from + i))
                    .put("generatorURL", "http://prometheus:9090/graph");
            alert.putObject("labels").put("alertname", "PipelineTaskFailed").put("job", "airflow")
                    .put("dag_id", "orders_daily").put("detail", group.get(i).line());
            alert.putObject("annotations").put("summary", "Task load_orders failed in orders_daily")
                    .put("description", group.get(i).line());
        }
        return body.toString();
    }

    /** Waits until the fake Slack has had no new call for 3 s (at most 90 s). */
    private static void awaitQuiet(FakeSlackApi slack) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int seen = -1;
        int quiet = 0;
        while (quiet < 6 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            int now = slack.calls().size();
            quiet = now == seen ? quiet + 1 : 0;
            seen = now;
        }
    }

    private void answer(String what, int status, HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), what + ": " + response.body());
        outputs.merge("HTTP answers", what + ": " + response.body() + "\n", String::concat);
    }

    private record Run(int code, String out, String err) {
    }

    /** {@code java -jar dataops-bot.jar args}, its output kept for the leak check; it must succeed. */
    private Run run(Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        command.addAll(List.of(args));
        String name = String.join(" ", List.of(args).subList(0, 2));
        Path out = work.resolve("out-" + outputs.size() + ".txt");
        Path err = work.resolve("err-" + outputs.size() + ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
                        : ProcessBuilder.Redirect.from(stdin.toFile()));
        builder.environment().keySet().removeIf(variable -> variable.startsWith("SLACK_") || variable.startsWith("DATAOPS_"));
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), name + " did not finish");
        Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        outputs.put("cli " + name + " #" + outputs.size(), run.out() + "\n" + run.err());
        assertEquals(0, run.code(), name + ": " + run.err());
        return run;
    }

    /** Every stored field value and every term of every Lucene index under {@code root}. */
    private static String luceneContent(Path root) throws IOException {
        StringBuilder content = new StringBuilder();
        List<Path> indexes;
        try (Stream<Path> files = Files.walk(root)) {
            indexes = files.filter(p -> p.getFileName().toString().startsWith("segments_")).map(Path::getParent).distinct().toList();
        }
        assertFalse(indexes.isEmpty(), "an index was written under " + root);
        for (Path index : indexes) {
            try (FSDirectory directory = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(directory)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    StoredFields stored = leaf.reader().storedFields();
                    for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                        for (IndexableField field : stored.document(doc)) {
                            content.append(field.stringValue()).append('\n');
                        }
                    }
                    for (FieldInfo field : leaf.reader().getFieldInfos()) {
                        Terms terms = leaf.reader().terms(field.name);
                        if (terms == null) {
                            continue;
                        }
                        TermsEnum each = terms.iterator();
                        for (BytesRef term = each.next(); term != null; term = each.next()) {
                            content.append(term.utf8ToString()).append(' ');
                        }
                        content.append('\n');
                    }
                }
            }
        }
        return content.toString();
    }

    /** The secrets of {@code fixtures} in {@code text}, as "where: kind". Index terms are lower-cased, so case is ignored. */
    private static List<String> leaks(String where, String text, List<Fixture> fixtures) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Fixture fixture : fixtures) {
            for (String secret : fixture.secrets()) {
                int at = lower.indexOf(secret.toLowerCase(Locale.ROOT));
                if (at >= 0) {
                    found.add(where + ": " + fixture.kind() + " in ..." + text.substring(Math.max(0, at - 80),
                            Math.min(text.length(), at + secret.length() + 20)).replaceAll("[^\\x20-\\x7e]", "?") + "...");
                }
            }
        }
        if (lower.contains(FAKE.toLowerCase(Locale.ROOT))) {
            int at = lower.indexOf(FAKE.toLowerCase(Locale.ROOT));
            found.add(where + ": part of a fake secret: ..." + text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 40)));
        }
        return found;
    }

    /** One fixture per secret kind of the catalogue (its example line) and per kind of personal data. */
    static List<Fixture> fixtures() {
        List<Fixture> fixtures = new ArrayList<>();
        for (SecretKind kind : SecretCatalogue.bundled().kinds()) {
            String secret = kind.secretIn(kind.example());
            if (secret.startsWith("-----BEGIN") || secret.startsWith("PuTTY-User-Key-File")) {
                Matcher body = KEY_BODY.matcher(kind.example().substring(kind.example().indexOf(secret) + secret.length()));
                assertTrue(body.find(), kind.id());
                secret = body.group();
            }
            fixtures.add(new Fixture(kind.id(), kind.example(), List.of(core(secret))));
        }
        fixtures.add(new Fixture("email", "[2024-06-03, 09:20:11 UTC] {crm_export.py:65} ERROR - bounce for contact 1048821 "
                + "(jane.roe@example.com): mailbox unavailable", List.of("jane.roe@example.com")));
        fixtures.add(new Fixture("iban", "payout 550101 to DE89 3704 0044 0532 0130 00 rejected by bank gateway: creditor "
                + "account closed", List.of("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")));
        fixtures.add(new Fixture("ssn", "payroll-sync: upsert failed for employee 70331 ssn=123-45-6789: duplicate key value "
                + "violates unique constraint", List.of("123-45-6789")));
        fixtures.add(new Fixture("card_number", "card export: row 42 card_number=4111 1111 1111 1111 failed validation: "
                + "expiry in the past", List.of("4111 1111 1111 1111", "4111111111111111")));
        fixtures.add(new Fixture("phone", "sms alert to +44 20 7946 0958 failed: Twilio error 21211 invalid 'To' phone number",
                List.of("+44 20 7946 0958")));
        return fixtures;
    }

    /** The secret without the quotes or braces around it, which may be kept or escaped differently in output. */
    private static String core(String secret) {
        String s = secret;
        while (s.length() > 2 && "'\"{".indexOf(s.charAt(0)) >= 0 && "'\"}".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(1, s.length() - 1);
        }
        return s;
    }

    private static String line(List<Fixture> fixtures, String kind) {
        return fixtures.stream().filter(f -> f.kind().equals(kind)).findFirst().orElseThrow().line();
    }

    private static String channel(int i) {
        return "C" + (100 + i % CHANNELS);
    }

    private static String ts(int i) {
        return String.format(Locale.ROOT, "17000%05d.000100", i);
    }
}
