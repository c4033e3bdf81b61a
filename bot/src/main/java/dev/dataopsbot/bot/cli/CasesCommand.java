package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.knowledge.incident.LifecycleException;
import dev.dataopsbot.knowledge.incident.TeamCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cases list|show|remove|export|import}: the team's own labelled cases, which feedback on
 * incidents adds and the nearest-neighbour vote reads. Export and import speak the case file
 * format (JSON Lines), so a team can review its cases in git and carry them to another bot.
 */
@Command(name = "cases", mixinStandardHelpOptions = true,
        description = {"Review, remove, export and import the team's own labelled cases (TC-n).",
                "Feedback on an incident ('incident feedback INC-n wrong --mode M', or 'right') adds one; "
                        + "triage's case vote reads them with the bundled cases, and a near-duplicate team case wins.",
                "A running 'serve' reads them when it starts (and after feedback in Slack): restart it after "
                        + "'cases remove' or 'cases import'."},
        subcommands = {CasesCommand.ListCases.class, CasesCommand.Show.class, CasesCommand.Remove.class,
                CasesCommand.Export.class, CasesCommand.Import.class})
final class CasesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "One line per team case: key, mode, system, origin, provenance and the first line of its text.")
    static final class ListCases implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Option(names = "--json", description = "Print JSON ({\"cases\": [...]}, each case as 'cases export' writes it, text in full).")
        boolean json;

        ListCases(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                List<TeamCase> cases = knowledge.teamCases().list();
                if (json) {
                    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                    TeamCaseJson render = new TeamCaseJson(mapper);
                    ObjectNode root = mapper.createObjectNode();
                    ArrayNode array = root.putArray("cases");
                    cases.forEach(c -> array.add(render.of(c)));
                    context.out().println(mapper.writeValueAsString(root));
                } else {
                    context.out().print(new TeamCaseText().list(cases));
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Everything about one team case, its text in full.")
    static final class Show implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "TC-n", converter = TeamCaseKey.Converter.class, description = "Team case key, e.g. TC-3.")
        TeamCaseKey key;

        @Option(names = "--json", description = "Print JSON (the export fields plus the note).")
        boolean json;

        Show(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                TeamCase found = knowledge.teamCases().get(key.id()).orElseThrow(() -> notFound(key));
                if (json) {
                    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                    context.out().println(mapper.writeValueAsString(new TeamCaseJson(mapper).show(found)));
                } else {
                    context.out().print(new TeamCaseText().show(found));
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = {"Remove a team case; the incident it came from keeps its feedback on the timeline.",
                    "The next 'triage' no longer consults it; a running 'serve' after a restart."})
    static final class Remove implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "TC-n", converter = TeamCaseKey.Converter.class, description = "Team case key, e.g. TC-3.")
        TeamCaseKey key;

        Remove(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                TeamCase found = knowledge.teamCases().get(key.id()).orElseThrow(() -> notFound(key));
                if (!knowledge.teamCases().remove(key.id())) {
                    throw notFound(key);
                }
                context.out().println("removed " + found.key() + " (" + found.mode() + " in " + found.system() + ", "
                        + found.provenance() + ")");
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = {"Write the team cases as JSON Lines, one case per line: id, system, family, mode, text, "
                    + "source (the provenance), origin, added_by, added_at, incident.",
                    "The output is valid input for 'cases import', here or in another data folder."})
    static final class Export implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", defaultValue = "-",
                description = "Where to write (replaced if it exists); '-' or none for standard output.")
        String file;

        Export(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws Exception {
            Path target = "-".equals(file) ? null : Path.of(file);
            if (target != null && !Files.isDirectory(target.toAbsolutePath().getParent())) {
                throw new UsageException("the folder '" + target.toAbsolutePath().getParent() + "' does not exist");
            }
            if (target != null && Files.isDirectory(target)) {
                throw new UsageException("'" + target + "' is a folder; name the file to write");
            }
            try (IncidentKnowledge knowledge = store.openExisting(context)) {
                List<TeamCase> cases = knowledge.teamCases().list();
                TeamCaseJson render = new TeamCaseJson(new ObjectMapper());
                StringBuilder lines = new StringBuilder();
                cases.forEach(c -> lines.append(render.of(c)).append('\n'));
                if (target == null) {
                    context.out().print(lines);
                    context.out().flush();
                } else {
                    Files.writeString(target, lines, StandardCharsets.UTF_8);
                    context.out().println("exported " + cases.size() + (cases.size() == 1 ? " case" : " cases")
                            + " to " + target);
                }
                return ExitCode.OK;
            }
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = {"Add cases from a JSON Lines file as team cases (origin 'import').",
                    "Each line needs \"mode\" (a failure mode id) and \"text\"; \"system\" is kept; \"id\" and "
                            + "\"source\" become the note; other fields are ignored.",
                    "Text is redacted (secrets, personal data) before it is stored. A case whose mode and "
                            + "redacted text the team already has is skipped as already present, so "
                            + "re-importing an export adds nothing.",
                    "Invalid lines are printed as file:line: message and skipped; the exit code is 1 if any "
                            + "line was invalid (the valid ones are imported all the same).",
                    "Creates the incident database if the data folder has none yet."})
    static final class Import implements Callable<Integer> {

        private final CliContext context;

        @Mixin
        StoreOptions store;

        @Parameters(index = "0", paramLabel = "FILE|-", description = "The JSON Lines file; '-' for standard input.")
        String file;

        @Option(names = "--by", paramLabel = "NAME", defaultValue = "cli", description = "Who imported them (default: ${DEFAULT-VALUE}).")
        String by;

        Import(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            if (by.isBlank()) {
                throw new UsageException("--by: say who is importing them (a name or user id)");
            }
            String name = "-".equals(file) ? "<stdin>" : file;
            String text = read();
            try (IncidentKnowledge knowledge = IncidentKnowledge.open(store.config(context), 1, Clock.systemUTC())) {
                knowledge.announceIfCreated(context.err()::println);
                TeamCaseImport.Result result = new TeamCaseImport(knowledge.teamCases(), knowledge::redact, by).run(name, text);
                result.problems().forEach(context.err()::println);
                context.out().println(result.summary());
                return result.problems().isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
            }
        }

        private String read() {
            try {
                if ("-".equals(file)) {
                    return new String(context.in().readAllBytes(), StandardCharsets.UTF_8);
                }
                Path path = Path.of(file);
                if (!Files.isRegularFile(path)) {
                    throw new UsageException("'" + file + "' is not a file; give a JSON Lines file of cases, or '-' for standard input");
                }
                return new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }

    private static LifecycleException notFound(TeamCaseKey key) {
        return new LifecycleException("no team case " + key + " (see `cases list` for the known keys)");
    }
}
