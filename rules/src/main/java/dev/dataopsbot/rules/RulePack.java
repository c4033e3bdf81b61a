package dev.dataopsbot.rules;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import dev.dataopsbot.rules.catalogue.Catalogues;
import org.kie.api.KieBase;

/**
 * The rules in force: DRL files and error-code catalogues, and the examples that back them.
 *
 * <p>Three kinds:
 * <ul>
 *   <li>the bundled pack, precompiled into the jar;</li>
 *   <li>a folder laid out like the bundled one (it holds {@value #WHOLE_PACK_MARKER}, for example
 *       a copy made by {@code rules export}): it replaces the bundled rules; its {@code *.tsv}
 *       catalogues replace the bundled ones, or the bundled catalogues stay when it has none;</li>
 *   <li>any other folder: extra DRL files and catalogues beside the bundled ones.</li>
 * </ul>
 * Its {@link #hash()} names the pack in the incident store, so a classification can be traced to
 * the rules that made it.
 */
public final class RulePack {

    /** The file whose presence makes a folder a whole pack: it gives every mode its severity and advice. */
    public static final String WHOLE_PACK_MARKER = "taxonomy.drl";
    /** Examples files: {@code rate_limit.examples} beside {@code rate_limit.drl}. */
    public static final String EXAMPLES_SUFFIX = ".examples";

    private final String description;
    private final Optional<Path> folder;
    private final boolean wholePack;
    private final List<PackFile> ruleFiles;
    private final List<PackFile> catalogueFiles;
    private final Supplier<List<PackFile>> exampleFiles;
    private final Catalogues catalogues;
    private final String hash;

    private RulePack(String description, Optional<Path> folder, boolean wholePack, List<PackFile> ruleFiles,
                     Catalogues catalogues, Supplier<List<PackFile>> exampleFiles) {
        this.description = description;
        this.folder = folder;
        this.wholePack = wholePack;
        this.ruleFiles = List.copyOf(ruleFiles);
        this.catalogues = catalogues;
        this.catalogueFiles = catalogues.files();
        this.exampleFiles = exampleFiles;
        this.hash = hashOf(ruleFiles, catalogueFiles);
    }

    /** The rules and catalogues that ship in the jar. */
    public static RulePack bundled() {
        Catalogues catalogues = Catalogues.bundled();
        return new RulePack("the bundled rules", Optional.empty(), false, bundledRuleFiles(), catalogues,
                () -> bundledExamples(BundledRules.FILES, catalogues.files()));
    }

    private static List<PackFile> bundledRuleFiles() {
        List<PackFile> rules = new ArrayList<>();
        for (String file : BundledRules.FILES) {
            PackFile.bundled(file).ifPresent(rules::add);
        }
        return rules;
    }

    /** The bundled examples files beside the bundled rule files and catalogue files named. */
    private static List<PackFile> bundledExamples(List<String> ruleFiles, List<PackFile> catalogueFiles) {
        List<PackFile> examples = new ArrayList<>();
        for (String file : ruleFiles) {
            PackFile.bundled(withoutSuffix(file) + EXAMPLES_SUFFIX).ifPresent(examples::add);
        }
        for (PackFile file : catalogueFiles) {
            PackFile.bundled(withoutSuffix(file.name()) + EXAMPLES_SUFFIX).ifPresent(examples::add);
        }
        return examples;
    }

    /**
     * A rule folder: a whole pack when it holds {@value #WHOLE_PACK_MARKER}, else extra rules
     * beside the bundled ones.
     *
     * @throws RuleCompilationException when the folder does not exist or a file cannot be read
     */
    public static RulePack fromFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RuleCompilationException(List.of(new RuleProblem(dir.toString(), 0,
                    "rules folder does not exist or is not a directory; set DATAOPS_RULES_DIR or --rules to a folder of .drl files")));
        }
        List<PackFile> rules = PackFile.under(dir, ".drl");
        List<PackFile> tsv = PackFile.under(dir, ".tsv");
        Supplier<List<PackFile>> examples = () -> PackFile.under(dir, EXAMPLES_SUFFIX);
        if (Files.isRegularFile(dir.resolve(WHOLE_PACK_MARKER))) {
            if (!tsv.isEmpty()) {
                return new RulePack(dir + " (replaces the bundled rules)", Optional.of(dir), true, rules,
                        Catalogues.parse(tsv), examples);
            }
            Catalogues bundled = Catalogues.bundled();
            return new RulePack(dir + " (replaces the bundled rules)", Optional.of(dir), true, rules, bundled,
                    () -> concat(examples.get(), bundledExamples(List.of(), bundled.files())));
        }
        Catalogues bundled = Catalogues.bundled();
        return new RulePack("the bundled rules and " + dir, Optional.of(dir), false, concat(bundledRuleFiles(), rules),
                bundled.with(tsv), () -> concat(bundledExamples(BundledRules.FILES, bundled.files()), examples.get()));
    }

    /** The pack of {@code DATAOPS_RULES_DIR} (or {@code --rules}) when set, else the bundled pack. */
    public static RulePack of(Optional<Path> rulesDir) {
        return rulesDir.map(RulePack::fromFolder).orElseGet(RulePack::bundled);
    }

    /**
     * The rule base: precompiled for the bundled pack, the bundled model plus the folder's files
     * for extras, the folder's files alone for a whole pack.
     *
     * @throws RuleCompilationException when a file does not compile, naming file and line
     */
    public KieBase kieBase() {
        if (folder.isEmpty()) {
            return RuleBase.bundled();
        }
        return wholePack ? RuleBase.compiled(ruleFiles) : RuleBase.withExtraRules(folder.get());
    }

    /** A classifier on this pack's rules and catalogues. */
    public FailureModeClassifier classifier() {
        return new FailureModeClassifier(kieBase(), catalogues);
    }

    /** What does not compile or parse, {@code file:line}; empty when the pack is sound. Examples are checked apart. */
    public List<RuleProblem> problems() {
        List<RuleProblem> problems = new ArrayList<>();
        if (folder.isEmpty()) {
            problems.addAll(RuleBase.checkBundled());
        } else {
            problems.addAll(RuleBase.check(wholePack ? ruleFiles : PackFile.under(folder.get(), ".drl")));
        }
        problems.addAll(catalogues.problems());
        return problems;
    }

    public Catalogues catalogues() {
        return catalogues;
    }

    /** Every DRL file in force, the bundled ones first for extras. */
    public List<PackFile> ruleFiles() {
        return ruleFiles;
    }

    /** Every catalogue file in force. */
    public List<PackFile> catalogueFiles() {
        return catalogueFiles;
    }

    /**
     * The examples that back the rules and catalogue entries in force, read when asked (triage never needs them).
     *
     * @throws RuleCompilationException naming a folder's file that cannot be read
     */
    public List<PackFile> exampleFiles() {
        return exampleFiles.get();
    }

    /** {@code the bundled rules}, {@code DIR (replaces the bundled rules)}, {@code the bundled rules and DIR}. */
    public String description() {
        return description;
    }

    /** True for a folder that replaces the bundled rules. */
    public boolean replacesBundled() {
        return wholePack;
    }

    /**
     * 12 hex digits of a SHA-256 over the pack's DRL and catalogue files (name and content, in name
     * order): the same rules give the same hash wherever they come from, so a copy of the
     * bundled folder has the bundled pack's hash. Examples do not count: they change no answer.
     */
    public String hash() {
        return hash;
    }

    private static String hashOf(List<PackFile> rules, List<PackFile> catalogues) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        List<PackFile> files = new ArrayList<>(concat(rules, catalogues));
        files.sort(Comparator.comparing(PackFile::name).thenComparing(PackFile::text));
        for (PackFile file : files) {
            digest.update(file.name().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(file.text().replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static List<PackFile> concat(List<PackFile> first, List<PackFile> second) {
        List<PackFile> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String withoutSuffix(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }
}
