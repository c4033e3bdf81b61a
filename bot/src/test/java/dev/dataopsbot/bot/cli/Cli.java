package dev.dataopsbot.bot.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Runs the real command line in-process with captured streams. */
final class Cli {

    record Run(int exitCode, String out, String err) {

        /** Standard error without the notice that a new database was created (tests use fresh data folders). */
        String problems() {
            return err.lines().filter(line -> !line.startsWith("dataops-bot: created a new, empty incident database"))
                    .collect(java.util.stream.Collectors.joining("\n"));
        }
    }

    private Cli() {
    }

    /**
     * Runs the CLI; without {@code DATAOPS_DATA_DIR} in {@code env}, recorded incidents go to a
     * fresh folder under {@code target/} so that no test writes to {@code ./data}.
     */
    static Run run(Map<String, String> env, byte[] stdin, String... args) {
        if (!env.containsKey("DATAOPS_DATA_DIR")) {
            Map<String, String> withData = new HashMap<>(env);
            withData.put("DATAOPS_DATA_DIR", "target/cli-test-data/" + UUID.randomUUID());
            env = withData;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext context = new CliContext(env, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        int code = DataopsBotCommand.commandLine(context).execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String stdin, String... args) {
        return run(Map.of(), stdin.getBytes(StandardCharsets.UTF_8), args);
    }
}
