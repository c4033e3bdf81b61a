package dev.dataopsbot.rules.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    private final List<CodeCatalogue> catalogues;
    private final List<RuleProblem> problems;

    private Catalogues(List<CodeCatalogue> catalogues, List<RuleProblem> problems) {
        this.catalogues = List.copyOf(catalogues);
        this.problems = List.copyOf(problems);
    }

    public List<CodeCatalogue> all() {
        return catalogues;
    }

    /** Entries and files that were skipped, as {@code file:line: message}. */
    public List<RuleProblem> problems() {
        return problems;
    }

    public int entryCount() {
        return catalogues.stream().mapToInt(c -> c.entries().size()).sum();
    }

    /** The catalogues that ship in the jar. */
    public static Catalogues bundled() {
        List<CodeCatalogue> loaded = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        ClassLoader loader = Catalogues.class.getClassLoader();
        for (String file : bundledFiles(loader)) {
            String resource = BUNDLED_FOLDER + file;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    problems.add(new RuleProblem(resource, 0, "listed in " + INDEX + " but missing from the classpath"));
                    continue;
                }
                parseInto(resource, file, new String(in.readAllBytes(), StandardCharsets.UTF_8), loaded, problems);
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + resource, e);
            }
        }
        return new Catalogues(loaded, problems);
    }

    /** The bundled catalogues plus every {@code *.tsv} file under {@code folder}. */
    public static Catalogues bundledWith(Path folder) {
        Catalogues bundled = bundled();
        Catalogues extra = fromFolder(folder);
        List<CodeCatalogue> all = new ArrayList<>(extra.catalogues);
        all.addAll(bundled.catalogues);
        List<RuleProblem> problems = new ArrayList<>(bundled.problems);
        problems.addAll(extra.problems);
        return new Catalogues(all, problems);
    }

    /** Only the {@code *.tsv} files under {@code folder}. */
    public static Catalogues fromFolder(Path folder) {
        List<CodeCatalogue> loaded = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return new Catalogues(loaded, problems);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".tsv") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing catalogue files in " + folder, e);
        }
        for (Path file : files) {
            try {
                String name = file.getFileName().toString();
                parseInto(file.toString(), name, Files.readString(file, StandardCharsets.UTF_8), loaded, problems);
            } catch (IOException e) {
                problems.add(new RuleProblem(file.toString(), 0, "cannot read: " + e.getMessage()));
            }
        }
        return new Catalogues(loaded, problems);
    }

    /** The catalogues in {@code files} (each a {@code *.tsv} file of a rule pack), with their problems. */
    public static Catalogues parse(List<PackFile> files) {
        List<CodeCatalogue> loaded = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (PackFile file : files) {
            parseInto(file.location(), file.fileName(), file.text(), loaded, problems);
        }
        return new Catalogues(loaded, problems);
    }

    /** The names of the bundled catalogue files, in the order of {@code catalogues.txt}. */
    public static List<String> bundledFileNames() {
        return bundledFiles(Catalogues.class.getClassLoader());
    }

    private static void parseInto(String file, String fileName, String text, List<CodeCatalogue> loaded,
                                  List<RuleProblem> problems) {
        String name = fileName.substring(0, fileName.length() - ".tsv".length());
        CatalogueParser parser = new CatalogueParser();
        parser.parse(file, name, text).ifPresent(loaded::add);
        problems.addAll(parser.problems());
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
