package dev.dataopsbot.rules.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.dataopsbot.rules.PackFile;
import dev.dataopsbot.rules.RuleProblem;

/**
 * The error-code catalogues in force: the bundled ones (listed in {@code catalogues/catalogues.txt}
 * beside the DRL files) and any {@code *.tsv} files in a team's rules folder. Problems are kept,
 * not thrown: a broken entry or file is skipped and reported, and the rest keeps working.
 */
public final class Catalogues {

    public static final String BUNDLED_FOLDER = "dev/dataopsbot/rules/catalogues/";
    static final String INDEX = BUNDLED_FOLDER + "catalogues.txt";
    /** Where the bundled catalogue files are inside a rule pack. */
    private static final String PACK_FOLDER = "catalogues/";

    private final List<CodeCatalogue> catalogues;
    private final List<RuleProblem> problems;
    private final List<PackFile> files;

    private Catalogues(List<CodeCatalogue> catalogues, List<RuleProblem> problems, List<PackFile> files) {
        this.catalogues = List.copyOf(catalogues);
        this.problems = List.copyOf(problems);
        this.files = List.copyOf(files);
    }

    public List<CodeCatalogue> all() {
        return catalogues;
    }

    /** Entries and files that were skipped, as {@code file:line: message}. */
    public List<RuleProblem> problems() {
        return problems;
    }

    /** The files these catalogues were read from (for a rule pack's hash and {@code rules export}). */
    public List<PackFile> files() {
        return files;
    }

    public int entryCount() {
        return catalogues.stream().mapToInt(c -> c.entries().size()).sum();
    }

    /** The catalogues that ship in the jar; a file {@code catalogues.txt} lists but the jar lacks is a problem. */
    public static Catalogues bundled() {
        List<PackFile> files = new ArrayList<>();
        List<RuleProblem> missing = new ArrayList<>();
        for (String file : bundledFiles(Catalogues.class.getClassLoader())) {
            PackFile.bundled(PACK_FOLDER + file).ifPresentOrElse(files::add, () -> missing.add(
                    new RuleProblem(BUNDLED_FOLDER + file, 0, "listed in " + INDEX + " but missing from the classpath")));
        }
        Catalogues parsed = parse(files);
        missing.addAll(parsed.problems);
        return new Catalogues(parsed.catalogues, missing, files);
    }

    /** These catalogues and those of {@code more} (a team's {@code *.tsv} files), the team's first. */
    public Catalogues with(List<PackFile> more) {
        Catalogues extra = parse(more);
        return new Catalogues(concat(extra.catalogues, catalogues), concat(problems, extra.problems), concat(more, files));
    }

    /** Only the {@code *.tsv} files under {@code folder}; none when it is no folder. */
    public static Catalogues fromFolder(Path folder) {
        return Files.isDirectory(folder) ? parse(PackFile.under(folder, ".tsv")) : parse(List.of());
    }

    /** The catalogues in {@code files} (each a {@code *.tsv} file of a rule pack), with their problems. */
    public static Catalogues parse(List<PackFile> files) {
        List<CodeCatalogue> loaded = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (PackFile file : files) {
            String name = file.fileName().substring(0, file.fileName().length() - ".tsv".length());
            CatalogueParser parser = new CatalogueParser();
            parser.parse(file.location(), name, file.text()).ifPresent(loaded::add);
            problems.addAll(parser.problems());
        }
        return new Catalogues(loaded, problems, files);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> bundledFiles(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is missing from the classpath; rebuild the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + INDEX, e);
        }
    }
}
