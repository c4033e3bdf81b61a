package dev.dataopsbot.bot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.config.SlackConfig;
import dev.dataopsbot.bot.server.BotServer;
import org.junit.jupiter.api.Test;

/**
 * The files that ship the bot outside Maven (Dockerfile, compose file, env template, Slack app
 * manifest, setup guide) agree with the code: same jar, same command, every variable the
 * configuration reads, the scopes and events the Slack app needs. Nothing here can run Docker or
 * Slack; these checks catch the drift that would otherwise show up only on a user's first try.
 */
class PackagingTest {

    private static final Path REPO = Path.of("..");
    private static final String JAR_BUILT = "bot/target/dataops-bot.jar";
    /** The variables that hold secrets: the only ones left uncommented (and blank) in .env.example. */
    private static final Set<String> SECRETS = Set.of(SlackConfig.BOT_TOKEN, SlackConfig.SIGNING_SECRET,
            SlackConfig.APP_TOKEN, SlackConfig.WEBHOOK_TOKEN);

    private record Instruction(String keyword, String args) {
    }

    @Test
    void the_image_runs_the_jar_it_builds_through_the_launcher_with_serve_as_the_default_command() throws IOException {
        List<List<Instruction>> stages = dockerfileStages();
        assertTrue(stages.size() >= 2, "a build stage and a runtime stage");
        List<Instruction> runtime = stages.get(stages.size() - 1);

        List<String> entrypoint = execForm(last(runtime, "ENTRYPOINT"));
        assertEquals(1, entrypoint.size(), "the launcher, no flags that JAVA_OPTS could not override: " + entrypoint);
        assertEquals(List.of("serve"), execForm(last(runtime, "CMD")));
        String launcher = entrypoint.get(0);
        assertTrue(runtime.stream().anyMatch(i -> i.keyword().equals("COPY") && i.args().equals("bin/dataops-bot " + launcher)),
                "the runtime stage copies bin/dataops-bot to " + launcher);

        Instruction copyJar = runtime.stream()
                .filter(i -> i.keyword().equals("COPY") && i.args().contains(JAR_BUILT))
                .findFirst().orElseThrow(() -> new AssertionError("the runtime stage copies " + JAR_BUILT));
        List<String> copyArgs = Arrays.asList(copyJar.args().split("\\s+"));
        assertTrue(copyArgs.get(0).startsWith("--from="), "the jar comes from the build stage: " + copyJar);
        Map<String, String> env = env(runtime);
        assertEquals(copyArgs.get(copyArgs.size() - 1), env.get("DATAOPS_BOT_JAR"), "the jar the launcher runs is the one copied");
        assertTrue(env.get("JAVA_OPTS").contains("-Xmx"), "the heap is set through JAVA_OPTS, which docker run -e replaces");
        assertTrue(runtime.stream().anyMatch(i -> i.keyword().equals("RUN") && i.args().contains(launcher + " --version")),
                "the class-data archive is written at build time");

        String buildStage = copyArgs.get(0).substring("--from=".length());
        assertTrue(stages.get(0).get(0).args().endsWith(" AS " + buildStage), "--from names the build stage");
        assertTrue(stages.get(0).stream().anyMatch(i -> i.keyword().equals("RUN") && i.args().matches("mvn( -\\S+)* package( -\\S+)*")),
                "the build stage packages the jar with Maven");
        for (List<Instruction> stage : stages) {
            String from = stage.get(0).args().split("\\s+")[0];
            assertTrue(from.matches("[^:]+:\\d+(\\.\\d+)+[^:]*(@sha256:[0-9a-f]{64})?"), "base image pinned to a release: " + from);
        }
    }

    @Test
    void the_runtime_stage_runs_as_a_non_root_user_with_a_health_check_and_a_data_volume() throws IOException {
        List<List<Instruction>> stages = dockerfileStages();
        List<Instruction> runtime = stages.get(stages.size() - 1);

        String user = last(runtime, "USER").split(":")[0];
        assertFalse(user.equals("root") || user.matches("0+"), "USER is not root: " + user);
        assertTrue(healthCheck(runtime).stream().anyMatch(word -> word.contains("/healthz")), "HEALTHCHECK calls /healthz");

        assertTrue(execFormOrWords(last(runtime, "VOLUME")).contains("/data"), "VOLUME /data");
        Map<String, String> env = env(runtime);
        assertEquals("/data", env.get(BotConfig.DATA_DIR), "the database lives on the volume");
        assertEquals(env.get(SlackConfig.PORT), last(runtime, "EXPOSE"), "EXPOSE is the PORT the bot listens on");
    }

    @Test
    void the_health_check_passes_when_healthz_answers_200_and_fails_otherwise() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "runs the image's check with bash");
        List<List<Instruction>> stages = dockerfileStages();
        List<String> check = healthCheck(stages.get(stages.size() - 1));
        AtomicInteger healthz = new AtomicInteger(503);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/healthz") ? healthz.get() : 404, -1);
            exchange.close();
        });
        server.start();
        int port = server.getAddress().getPort();
        try {
            assertEquals(1, exitCode(check, port), "503 while loading is unhealthy");
            healthz.set(200);
            assertEquals(0, exitCode(check, port), "200 is healthy");
        } finally {
            server.stop(0);
        }
        assertEquals(1, exitCode(check, port), "nothing listening is unhealthy");
    }

    @Test
    void every_file_the_image_copies_from_the_build_context_exists() throws IOException {
        List<String> sources = dockerfileStages().stream().flatMap(List::stream)
                .filter(i -> i.keyword().equals("COPY") && !i.args().startsWith("--from="))
                .flatMap(i -> {
                    List<String> words = Arrays.asList(i.args().split("\\s+"));
                    return words.subList(0, words.size() - 1).stream();
                })
                .toList();
        assertTrue(sources.contains("pom.xml") && sources.contains("runbooks/"), "copies the poms and the runbooks: " + sources);
        sources.forEach(source -> assertTrue(Files.exists(REPO.resolve(source)), "COPY source exists: " + source));
    }

    @Test
    void the_env_example_lists_every_variable_the_bot_reads_and_leaves_only_blank_secrets_set() throws IOException {
        String example = read("docker/.env.example");
        Set<String> read = variablesTheBotReads();

        Set<String> missing = read.stream()
                .filter(name -> !Pattern.compile("(?m)^#?\\s*" + name + "=").matcher(example).find())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "variables missing from docker/.env.example");

        // An uncommented DATAOPS_DATA_DIR= would override the image's /data with "unset"; a filled-in token is a leak.
        Matcher set = Pattern.compile("(?m)^([A-Z][A-Z0-9_]*)=(.*)$").matcher(example);
        while (set.find()) {
            assertTrue(SECRETS.contains(set.group(1)), set.group(1) + " has a default: comment it out in .env.example");
            assertEquals("", set.group(2).strip(), set.group(1) + " is a secret: leave it blank in .env.example");
        }
    }

    @Test
    void the_manifest_creates_the_dataops_command_with_the_scopes_and_events_the_bot_uses() throws IOException {
        JsonNode manifest = yaml("docker/slack-app-manifest.yaml");
        assertEquals(2, manifest.at("/_metadata/major_version").asInt(), "manifest schema version 2");
        assertEquals("dataops-bot", manifest.at("/display_information/name").asText());
        assertEquals("dataops-bot", manifest.at("/features/bot_user/display_name").asText());

        JsonNode command = stream(manifest.at("/features/slash_commands"))
                .filter(c -> c.path("command").asText().equals("/dataops"))
                .findFirst().orElseThrow(() -> new AssertionError("the manifest declares /dataops"));
        assertTrue(command.path("url").asText().endsWith("/slack/events"), "slash command URL");
        assertTrue(command.path("should_escape").isBoolean() && !command.path("should_escape").asBoolean(), "should_escape: false");
        assertTrue(command.path("usage_hint").asText().contains("triage"), "usage hint");

        // exactly these: a scope added or dropped is a decision to make here, not by accident
        assertEquals(Set.of("commands", "chat:write", "chat:write.public", "channels:history", "groups:history",
                "files:write", "app_mentions:read"), textSet(manifest.at("/oauth_config/scopes/bot")), "bot scopes");
        assertEquals(Set.of("message.channels", "message.groups", "app_mention"),
                textSet(manifest.at("/settings/event_subscriptions/bot_events")), "bot events");
        assertTrue(manifest.at("/settings/event_subscriptions/request_url").asText().endsWith("/slack/events"), "events URL");
        assertTrue(manifest.at("/settings/interactivity/is_enabled").asBoolean(), "interactivity on (buttons)");
        assertTrue(manifest.at("/settings/interactivity/request_url").asText().endsWith("/slack/events"), "interactivity URL");
        assertTrue(manifest.at("/settings/socket_mode_enabled").isBoolean(), "socket_mode_enabled is a boolean");
    }

    @Test
    void compose_builds_the_image_from_the_repository_root_and_keeps_data_on_a_volume() throws IOException {
        JsonNode service = yaml("docker/compose.yaml").at("/services/dataops-bot");
        assertFalse(service.isMissingNode(), "service dataops-bot");
        Path context = REPO.resolve("docker").resolve(service.at("/build/context").asText()).normalize();
        assertEquals(REPO.normalize(), context, "the build context is the repository root");
        assertTrue(Files.isRegularFile(context.resolve(service.at("/build/dockerfile").asText())), "the Dockerfile is found");
        assertEquals(".env", service.path("env_file").asText());
        assertEquals("unless-stopped", service.path("restart").asText());
        assertTrue(service.path("healthcheck").isMissingNode(), "the image's health check is inherited");
        assertTrue(textSet(service.path("volumes")).stream().anyMatch(v -> v.matches("[a-z][a-z0-9_-]*:/data")),
                "a named volume on /data: " + service.path("volumes"));
        assertTrue(textSet(service.path("ports")).stream().anyMatch(p -> p.endsWith(":3000") || p.endsWith(":-3000}")),
                "publishes port 3000: " + service.path("ports"));
    }

    @Test
    void the_slack_guide_names_every_variable_and_the_exact_run_commands() throws IOException {
        String guide = read("docs/slack.md");
        Set<String> missing = variablesTheBotReads().stream().filter(name -> !guide.contains(name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), missing, "variables missing from docs/slack.md");
        String flags = String.join(" ", jvmFlags());
        for (String text : List.of("java " + flags + " -jar " + JAR_BUILT + " serve", "docker compose -f docker/compose.yaml up",
                "docker/slack-app-manifest.yaml", "connections:write", "/healthz", "/metrics")) {
            assertTrue(guide.contains(text), "docs/slack.md mentions " + text);
        }
    }

    @Test
    void the_readme_and_the_slack_guide_state_the_servers_body_cap_budget_and_replay_memory() throws IOException {
        String cap = BotServer.SLACK_MAX_BYTES / 1024 + " KiB";
        String budget = BotServer.BODY_BUDGET_BYTES / (1024 * 1024) + " MiB";
        String replays = String.format(java.util.Locale.ROOT, "%,d", BotServer.REPLAY_MEMORY);
        for (String file : List.of("README.md", "docs/slack.md")) {
            String text = read(file);
            for (String number : List.of(cap, budget, replays)) {
                assertTrue(text.contains(number), file + " mentions " + number);
            }
        }
        assertTrue(read("docs/slack.md").contains("dataops_http_rejected_total"), "docs/slack.md lists the rejection metric");
    }

    /** The environment variable names that {@link SlackConfig} and {@link BotConfig} publish as constants. */
    private static Set<String> variablesTheBotReads() {
        Set<String> names = new TreeSet<>();
        for (Class<?> config : List.of(SlackConfig.class, BotConfig.class)) {
            for (Field field : config.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers)
                        && field.getType() == String.class) {
                    try {
                        String value = (String) field.get(null);
                        if (value.matches("[A-Z][A-Z0-9_]*")) {
                            names.add(value);
                        }
                    } catch (IllegalAccessException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        assertTrue(names.containsAll(List.of(SlackConfig.BOT_TOKEN, SlackConfig.RUNBOOK_BASE_URL, BotConfig.DATA_DIR)),
                "found the configuration constants: " + names);
        return names;
    }

    /** The Dockerfile's instructions by stage, continuation lines joined and comments dropped. */
    /** The image's JAVA_OPTS: the documented serve flags. */
    static List<String> jvmFlags() throws IOException {
        List<List<Instruction>> stages = dockerfileStages();
        return List.of(env(stages.get(stages.size() - 1)).get("JAVA_OPTS").split("\\s+"));
    }

    private static List<List<Instruction>> dockerfileStages() throws IOException {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : read("docker/Dockerfile").split("\n")) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.endsWith("\\")) {
                pending.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            String[] parts = pending.append(text).toString().strip().split("\\s+", 2);
            pending.setLength(0);
            Instruction instruction = new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1] : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            } else if (stages.isEmpty()) {
                fail("an instruction before the first FROM: " + instruction);
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        return stages;
    }

    private static String last(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("the runtime stage has no " + keyword)).args();
    }

    /** ENTRYPOINT and CMD in exec form (a JSON array): java is PID 1 and gets SIGTERM, no shell in between. */
    private static List<String> execForm(String args) {
        try {
            return new ObjectMapper().readValue(args, new TypeReference<List<String>>() { });
        } catch (IOException e) {
            throw new AssertionError("not a JSON array (exec form): " + args);
        }
    }

    /** The HEALTHCHECK's command, in exec form so that it needs no particular shell quoting. */
    private static List<String> healthCheck(List<Instruction> runtime) {
        String healthcheck = last(runtime, "HEALTHCHECK");
        int cmd = healthcheck.indexOf("CMD ");
        assertTrue(cmd >= 0, "HEALTHCHECK ... CMD [...]: " + healthcheck);
        return execForm(healthcheck.substring(cmd + "CMD ".length()));
    }

    /** Runs the health check as Docker would, with the container's PORT. */
    private static int exitCode(List<String> check, int port) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(check).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put(SlackConfig.PORT, String.valueOf(port));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the health check did not finish");
        }
        return process.exitValue();
    }

    private static List<String> execFormOrWords(String args) {
        return args.startsWith("[") ? execForm(args) : Arrays.asList(args.split("\\s+"));
    }

    /** ENV's {@code KEY=value} pairs; a value may be double-quoted (with spaces). */
    private static Map<String, String> env(List<Instruction> stage) {
        Map<String, String> env = new LinkedHashMap<>();
        java.util.regex.Pattern pair = java.util.regex.Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|(\\S*))");
        stage.stream().filter(i -> i.keyword().equals("ENV")).forEach(i -> {
            java.util.regex.Matcher m = pair.matcher(i.args());
            while (m.find()) {
                env.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            }
        });
        return env;
    }

    private static JsonNode yaml(String file) throws IOException {
        return new YAMLMapper().readTree(read(file));
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        assertTrue(array.isArray(), "a list: " + array);
        return StreamSupport.stream(array.spliterator(), false);
    }

    private static Set<String> textSet(JsonNode array) {
        return stream(array).map(JsonNode::asText).collect(Collectors.toSet());
    }

    private static String read(String file) throws IOException {
        return Files.readString(REPO.resolve(file));
    }
}
