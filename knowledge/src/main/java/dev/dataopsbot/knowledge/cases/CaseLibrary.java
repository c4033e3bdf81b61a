package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.knowledge.index.BundledDirectory;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The bundled case library: the labelled cases of the top-level {@code cases/} folder, parsed and
 * indexed at package time ({@link CaseIndexBundler}) and loaded from the classpath. A team's own
 * cases are searched beside them through {@link #nearest(List)}.
 */
public final class CaseLibrary {

    static final String FOLDER = "dev/dataopsbot/knowledge/case-index/";
    static final String CASES_JSON = "cases.json";

    private final List<LabelledCase> cases;
    private final Directory directory;

    private CaseLibrary(List<LabelledCase> cases, Directory directory) {
        this.cases = List.copyOf(cases);
        this.directory = directory;
    }

    /** The library that ships in the jar. */
    public static CaseLibrary bundled() {
        ClassLoader loader = CaseLibrary.class.getClassLoader();
        try (InputStream in = BundledDirectory.resource(loader, FOLDER, CASES_JSON)) {
            List<LabelledCase> cases = new ObjectMapper().readValue(in, new TypeReference<List<LabelledCase>>() { });
            return new CaseLibrary(cases, BundledDirectory.load(loader, FOLDER));
        } catch (IOException e) {
            throw new UncheckedIOException("loading the bundled case library", e);
        }
    }

    /** A library of {@code cases}, indexed in memory (evaluation, tests). */
    public static CaseLibrary of(List<LabelledCase> cases) {
        try {
            Directory directory = new ByteBuffersDirectory();
            CaseIndex.write(cases, directory);
            return new CaseLibrary(cases, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing cases", e);
        }
    }

    public List<LabelledCase> cases() {
        return cases;
    }

    /** Neighbours among these cases and {@code teamCases}. */
    public NearestCases nearest(List<LabelledCase> teamCases) {
        return new NearestCases(CaseIndex.combined(directory, cases, teamCases));
    }

    /** Reads every {@code *.jsonl} file of a folder, in name order; ids must be unique across files. */
    public static CaseFiles readFolder(Path folder, Set<String> knownModes) {
        List<LabelledCase> cases = new ArrayList<>();
        List<CaseProblem> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing case files in " + folder, e);
        }
        Set<String> ids = new HashSet<>();
        for (Path file : files) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                problems.add(new CaseProblem(file.toString(), 0, "cannot read: " + e.getMessage()));
                continue;
            }
            CaseFile parsed = CaseFile.parse(file.toString(), text, knownModes, false);
            problems.addAll(parsed.problems());
            for (LabelledCase c : parsed.cases()) {
                if (ids.add(c.id())) {
                    cases.add(c);
                } else {
                    problems.add(new CaseProblem(file.toString(), 0, "id '" + c.id() + "' is also used in another file"));
                }
            }
        }
        return new CaseFiles(cases, problems);
    }

    /** The cases read from a folder and the problems found. */
    public record CaseFiles(List<LabelledCase> cases, List<CaseProblem> problems) {
    }

    /** Writes the bundle: the cases as JSON and their index. */
    static void write(List<LabelledCase> cases, Path folder) throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            CaseIndex.write(cases, directory);
            BundledDirectory.write(directory, folder);
        }
        new ObjectMapper().writeValue(folder.resolve(CASES_JSON).toFile(), cases);
    }
}
