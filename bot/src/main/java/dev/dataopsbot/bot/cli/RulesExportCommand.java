package dev.dataopsbot.bot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import dev.dataopsbot.rules.PackFile;
import dev.dataopsbot.rules.RulePack;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code rules export DIR}: writes the bundled rule pack (DRL files, catalogues and their examples)
 * into a new folder, to edit, check, backtest and deploy as a whole pack ({@code DATAOPS_RULES_DIR}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Write a copy of the bundled rules (DRL files, error-code catalogues, examples) into a new folder.",
                "Edit it, then 'rules check DIR', 'rules backtest --rules DIR', and deploy it with DATAOPS_RULES_DIR."})
final class RulesExportCommand implements Callable<Integer> {

    private final CliContext context;

    @Parameters(paramLabel = "DIR", description = "A folder that does not exist yet, or is empty.")
    Path dir;

    RulesExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir) && (!Files.isDirectory(dir) || hasEntries(dir))) {
            throw new UsageException("'" + dir + "' exists and is not an empty folder: export into a new folder");
        }
        RulePack pack = RulePack.bundled();
        List<PackFile> files = new ArrayList<>(pack.ruleFiles());
        files.addAll(pack.catalogueFiles());
        files.addAll(pack.exampleFiles());
        for (PackFile file : files) {
            Path target = dir.resolve(file.name());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.text(), StandardCharsets.UTF_8);
        }
        context.out().println("wrote " + files.size() + " files of the bundled rules (pack " + pack.hash() + ") to " + dir
                + "; it replaces the bundled rules when DATAOPS_RULES_DIR (or --rules) points at it");
        return ExitCode.OK;
    }

    private static boolean hasEntries(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }
}
