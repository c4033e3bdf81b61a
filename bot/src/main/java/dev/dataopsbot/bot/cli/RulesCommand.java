package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.rules.RulePack;
import dev.dataopsbot.rules.RuleProblem;
import dev.dataopsbot.rules.catalogue.Catalogues;
import dev.dataopsbot.rules.examples.ExampleCheck;
import dev.dataopsbot.rules.examples.ExampleReport;
import dev.dataopsbot.rules.routing.RoutingParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rules check [DIR]}. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with the classification rules.",
        subcommands = {RulesCommand.Check.class, RulesBacktestCommand.class, RulesExportCommand.class})
final class RulesCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Compile rule files, run the examples of every rule and catalogue entry, and check the routing",
                    "file, without starting anything. Prints file:line: message per problem (warning: ... for an",
                    "example classified as another mode); exits 1 if any error."})
    static final class Check implements Callable<Integer> {

        private final CliContext context;

        @Parameters(arity = "0..1", paramLabel = "DIR",
                description = "Folder of .drl rule files and .tsv error-code catalogues (default: DATAOPS_RULES_DIR, else the bundled rules).")
        Path dir;

        @Option(names = "--routing", paramLabel = "FILE",
                description = "Routing file to check as well (default: DATAOPS_ROUTING_FILE, else none; see docs/routing.md).")
        Path routingFile;

        Check(CliContext context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            BotConfig config = BotConfig.fromEnv(context.env()).withFlags(null, null, dir).withRoutingFlag(routingFile);
            if (dir != null && !Files.isDirectory(dir)) {
                throw new UsageException("'" + dir + "' is not a directory of .drl files");
            }
            RulePack pack = RulePack.of(config.rulesDir());
            List<RuleProblem> problems = new ArrayList<>(pack.problems());
            Catalogues catalogues = pack.catalogues();
            String examples = "";
            List<RuleProblem> warnings = new ArrayList<>();
            if (problems.isEmpty()) {
                // examples run on rules that compile; compile errors come first
                ExampleReport report = new ExampleCheck(pack).run();
                problems.addAll(report.errors());
                warnings.addAll(report.warnings());
                examples = "; " + report.summary() + (warnings.isEmpty() ? "" : ", " + warnings.size() + " warnings");
            }
            String routes = "";
            if (config.routingFile().isPresent()) {
                Path routing = config.routingFile().get();
                if (!Files.isRegularFile(routing)) {
                    throw new UsageException("routing file '" + routing + "' does not exist or is not a file");
                }
                RoutingParser.Result result = new RoutingParser().parse(routing.toString(), Files.readString(routing));
                problems.addAll(result.problems());
                routes = "; " + routing + ": " + result.table().routes().size() + " routes";
            }
            problems.forEach(context.err()::println);
            warnings.forEach(w -> context.err().println("warning: " + w));
            String what = pack.description() + config.routingFile().map(f -> " and " + f).orElse("");
            context.out().println(problems.isEmpty()
                    ? "ok: " + pack.description() + " compile (pack " + pack.hash() + "); "
                            + catalogues.all().size() + " error-code catalogues, " + catalogues.entryCount() + " entries" + examples + routes
                    : problems.size() + (problems.size() == 1 ? " problem in " : " problems in ") + what);
            return problems.isEmpty() ? ExitCode.OK : ExitCode.FAILURE;
        }
    }
}
