package dev.dataopsbot.rules.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.dataopsbot.rules.Alert;
import dev.dataopsbot.rules.CodeMatch;
import dev.dataopsbot.rules.Evidence;
import dev.dataopsbot.rules.FailureMode;
import dev.dataopsbot.rules.FailureModeClassifier;
import dev.dataopsbot.rules.LogLine;
import dev.dataopsbot.rules.PackFile;
import dev.dataopsbot.rules.RulePack;
import dev.dataopsbot.rules.RuleProblem;
import dev.dataopsbot.rules.RuleSession;
import dev.dataopsbot.rules.Verdict;
import dev.dataopsbot.rules.catalogue.CatalogueEntry;
import dev.dataopsbot.rules.catalogue.CodeCatalogue;
import dev.dataopsbot.rules.catalogue.CodeScanner;

/**
 * Runs a rule pack's examples through the pack's own classifier and error-code scanner.
 *
 * <p>Each examples file backs the file of the same name beside it: {@code rate_limit.examples}
 * the rules of {@code rate_limit.drl}, {@code catalogues/http-status.examples} the entries of
 * {@code catalogues/http-status.tsv}. Errors: a rule or entry with no example (at the rule's or
 * entry's {@code file:line}), an example its rule does not fire on or its entry is not found in
 * (at the example's {@code file:line}), a malformed examples line, an examples file with nothing
 * beside it. Warnings: an example its rule or entry matches while the text is classified as another
 * mode than the one the rule's evidence (the entry's mode) names; rules that insert no evidence and
 * entries of mode {@code unknown} get no such warning.
 *
 * <p>For an extras folder the bundled rules are checked against the bundled examples and the
 * folder's rules against the folder's; a whole pack carries its own examples files.
 * The pack must compile (see {@link RulePack#problems()}) before it is checked.
 */
public final class ExampleCheck {

    private static final String SOURCE = "example";

    private final RulePack pack;

    public ExampleCheck(RulePack pack) {
        this.pack = pack;
    }

    /** Checks every rule, entry and example of the pack. */
    public ExampleReport run() {
        List<RuleProblem> errors = new ArrayList<>();
        List<RuleProblem> warnings = new ArrayList<>();
        Map<String, PackFile> ruleFiles = new LinkedHashMap<>();
        pack.ruleFiles().forEach(f -> ruleFiles.put(base(f.location()), f));
        Map<String, CodeCatalogue> catalogues = new LinkedHashMap<>();
        pack.catalogues().all().forEach(c -> catalogues.put(base(c.file()), c));
        Set<String> catalogueFiles = new LinkedHashSet<>();
        pack.catalogueFiles().forEach(f -> catalogueFiles.add(base(f.location())));

        Map<String, List<Example>> ruleExamples = new HashMap<>();
        Map<String, List<Example>> entryExamples = new HashMap<>();
        Map<String, List<DeclaredRule>> declared = new LinkedHashMap<>();
        ruleFiles.forEach((base, file) -> declared.put(base, DeclaredRule.in(file)));
        int exampleCount = 0;
        for (PackFile file : pack.exampleFiles()) {
            String base = base(file.location());
            ExamplesFile parsed;
            if (ruleFiles.containsKey(base)) {
                Set<String> names = new LinkedHashSet<>();
                declared.get(base).forEach(r -> names.add(r.name()));
                parsed = ExamplesFile.parse(file, names, "rule in " + ruleFiles.get(base).fileName());
                parsed.examples().forEach(e -> ruleExamples.computeIfAbsent(key(base, e.subject()), k -> new ArrayList<>()).add(e));
            } else if (catalogues.containsKey(base)) {
                CodeCatalogue catalogue = catalogues.get(base);
                Set<String> codes = new LinkedHashSet<>();
                catalogue.entries().forEach(e -> codes.add(e.code()));
                parsed = ExamplesFile.parse(file, codes, "code in catalogue " + catalogue.name());
                parsed.examples().forEach(e -> entryExamples.computeIfAbsent(key(base, e.subject()), k -> new ArrayList<>()).add(e));
            } else {
                if (!catalogueFiles.contains(base)) {
                    // a catalogue that does not parse is reported by RulePack.problems(); its examples wait for it
                    errors.add(new RuleProblem(file.location(), 1, "no " + file.fileName().replace(RulePack.EXAMPLES_SUFFIX, ".drl")
                            + " or " + file.fileName().replace(RulePack.EXAMPLES_SUFFIX, ".tsv") + " beside this examples file"));
                }
                continue;
            }
            errors.addAll(parsed.problems());
            exampleCount += parsed.examples().size();
        }

        FailureModeClassifier classifier = pack.classifier();
        CodeScanner scanner = new CodeScanner(pack.catalogues());
        int ruleCount = 0;
        for (Map.Entry<String, List<DeclaredRule>> file : declared.entrySet()) {
            for (DeclaredRule rule : file.getValue()) {
                ruleCount++;
                List<Example> examples = ruleExamples.getOrDefault(key(file.getKey(), rule.name()), List.of());
                if (examples.isEmpty()) {
                    errors.add(new RuleProblem(rule.file(), rule.line(), "rule '" + rule.name() + "' has no example; add a line '"
                            + rule.name() + "<TAB><a log line it matches>' to " + examplesFileName(file.getKey())));
                }
                for (Example example : examples) {
                    checkRule(classifier, rule, example, errors, warnings);
                }
            }
        }
        int entryCount = 0;
        for (Map.Entry<String, CodeCatalogue> file : catalogues.entrySet()) {
            CodeCatalogue catalogue = file.getValue();
            for (CatalogueEntry entry : catalogue.entries()) {
                entryCount++;
                List<Example> examples = entryExamples.getOrDefault(key(file.getKey(), entry.code()), List.of());
                if (examples.isEmpty()) {
                    errors.add(new RuleProblem(catalogue.file(), entry.line(), "code '" + entry.code() + "' has no example; add a line '"
                            + entry.code() + "<TAB><a log line that carries it>' to " + examplesFileName(file.getKey())));
                }
                for (Example example : examples) {
                    checkEntry(classifier, scanner, catalogue, entry, example, errors, warnings);
                }
            }
        }
        return new ExampleReport(errors, warnings, exampleCount, ruleCount, entryCount);
    }

    private static void checkRule(FailureModeClassifier classifier, DeclaredRule rule, Example example,
                                  List<RuleProblem> errors, List<RuleProblem> warnings) {
        try (RuleSession session = classifier.open(Alert.of(SOURCE, example.text()))) {
            Verdict verdict = session.verdict();
            if (!session.firedRules().contains(rule.name())) {
                errors.add(at(example, "rule '" + rule.name() + "' does not fire on this example (" + said(verdict) + ")"));
                return;
            }
            Set<String> modes = new LinkedHashSet<>();
            for (Evidence e : verdict.evidence()) {
                if (e.getRule().equals(rule.name())) {
                    modes.add(e.getFailureMode());
                }
            }
            if (!modes.isEmpty() && !modes.contains(verdict.failureMode())) {
                warnings.add(at(example, "rule '" + rule.name() + "' fires, but the example is " + said(verdict)
                        + ", not " + String.join(" or ", modes)));
            }
        }
    }

    private static void checkEntry(FailureModeClassifier classifier, CodeScanner scanner, CodeCatalogue catalogue,
                                   CatalogueEntry entry, Example example, List<RuleProblem> errors, List<RuleProblem> warnings) {
        if (!carries(scanner, catalogue, entry, example.text())) {
            errors.add(at(example, "catalogue " + catalogue.name() + " does not find code '" + entry.code() + "' in this example"));
            return;
        }
        if (entry.mode().equals(FailureMode.UNKNOWN.id())) {
            return;
        }
        Verdict verdict = classifier.classify(Alert.of(SOURCE, example.text()));
        if (!verdict.failureMode().equals(entry.mode())) {
            warnings.add(at(example, "code '" + entry.code() + "' is found, but the example is " + said(verdict)
                    + ", not " + entry.mode()));
        }
    }

    private static boolean carries(CodeScanner scanner, CodeCatalogue catalogue, CatalogueEntry entry, String text) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            for (CodeMatch match : scanner.scan(new LogLine(i + 1, lines[i].strip()))) {
                if (match.catalogue().equals(catalogue.name()) && match.code().equals(entry.code())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code classified as timeout by 'timeout: ...'}, or {@code classified as unknown}. */
    private static String said(Verdict verdict) {
        Optional<String> rule = verdict.decidingRule();
        return "classified as " + verdict.failureMode() + rule.map(r -> " by '" + r + "'").orElse("");
    }

    private static RuleProblem at(Example example, String message) {
        return new RuleProblem(example.file(), example.line(), message);
    }

    private static String key(String base, String subject) {
        return base + "\u0000" + subject;
    }

    private static String examplesFileName(String base) {
        return base.substring(base.lastIndexOf('/') + 1) + RulePack.EXAMPLES_SUFFIX;
    }

    /** A file's location without its suffix: the name an examples file shares with what it backs. */
    private static String base(String location) {
        String normal = location.replace('\\', '/');
        int dot = normal.lastIndexOf('.');
        return dot > normal.lastIndexOf('/') ? normal.substring(0, dot) : normal;
    }
}
