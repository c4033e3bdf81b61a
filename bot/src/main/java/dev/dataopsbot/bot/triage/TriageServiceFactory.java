package dev.dataopsbot.bot.triage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.knowledge.cases.CaseLibrary;
import dev.dataopsbot.knowledge.runbook.RunbookIndex;
import dev.dataopsbot.knowledge.runbook.RunbookLibrary;
import dev.dataopsbot.knowledge.runbook.RunbookProblem;
import dev.dataopsbot.rules.FailureModeClassifier;
import dev.dataopsbot.rules.RulePack;
import dev.dataopsbot.rules.routing.RoutingTable;
import dev.dataopsbot.rules.text.AlertText;

/**
 * Builds a {@link TriageService} from configuration. The rule base and the runbook index are
 * independent, so they are built in parallel: start-up is on the path of every CLI call.
 */
public final class TriageServiceFactory {

    private TriageServiceFactory() {
    }

    /**
     * @param warnings receives one {@code file:line: message} line per runbook that was skipped
     * @throws dev.dataopsbot.rules.RuleCompilationException when the rules folder does not compile
     * @throws dev.dataopsbot.rules.routing.RoutingFileException when the routing file has errors
     */
    public static TriageService create(BotConfig config, Consumer<String> warnings) {
        CompletableFuture<RunbookIndex> index = CompletableFuture.supplyAsync(() -> config.runbooksDir().map(dir -> {
            RunbookLibrary library = RunbookLibrary.load(dir);
            library.problems().stream().filter(RunbookProblem::isError)
                    .forEach(p -> warnings.accept(p + " (runbook skipped; run 'runbooks lint' for details)"));
            return RunbookIndex.build(library.runbooks());
        }).orElseGet(RunbookIndex::bundled));
        CompletableFuture<CaseKnowledge> cases = CompletableFuture.supplyAsync(() -> new CaseKnowledge(CaseLibrary.bundled()));
        RoutingTable routing = config.routingFile().map(RoutingTable::load).orElseGet(RoutingTable::none);
        RulePack pack = RulePack.of(config.rulesDir());
        pack.catalogues().problems().forEach(p -> warnings.accept(p + " (skipped; run 'rules check' for details)"));
        FailureModeClassifier classifier = pack.classifier();
        try {
            return new TriageService(new AlertText(), classifier, index.join(), SimilarIncidentSearch.NONE, cases.join())
                    .withRouting(routing).withRulePack(pack.hash());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
