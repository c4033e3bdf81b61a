package dev.dataopsbot.knowledge.runbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runbooks of one folder, parsed. Files with errors are left out of {@link #runbooks()} and
 * reported in {@link #problems()}: one broken file never hides the others.
 */
public final class RunbookLibrary {

    /** Where the jar keeps the default runbooks (copied from the top-level runbooks/ folder). */
    static final String BUNDLED_FOLDER = "dev/dataopsbot/knowledge/runbooks";

    private final List<Runbook> runbooks;
    private final List<RunbookProblem> problems;

    RunbookLibrary(List<Runbook> runbooks, List<RunbookProblem> problems) {
        this.runbooks = List.copyOf(runbooks);
        this.problems = List.copyOf(problems);
    }

    public List<Runbook> runbooks() {
        return runbooks;
    }

    /** Parse problems; {@link RunbookLinter} adds the library-wide checks. */
    public List<RunbookProblem> problems() {
        return problems;
    }

    /** Loads every {@code *.md} file of a folder (not recursive), in file-name order. */
    public static RunbookLibrary load(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new RunbookLibrary(List.of(), List.of(RunbookProblem.error(dir.toString(), 0,
                    "runbook folder does not exist or is not a directory; set DATAOPS_RUNBOOKS_DIR or --runbooks to a folder of .md runbooks")));
        }
        return loadFiles(dir, file -> file.toString());
    }

    /** The repository's runbooks folder, named as the jar names them ({@code runbooks/x.md}); used by the build. */
    static RunbookLibrary loadAsBundled(Path dir) {
        return loadFiles(dir, file -> "runbooks/" + file.getFileName());
    }

    /** The runbooks bundled in the jar, shown with their repository paths ({@code runbooks/x.md}). */
    public static RunbookLibrary bundled() {
        URL url = RunbookLibrary.class.getClassLoader().getResource(BUNDLED_FOLDER);
        if (url == null) {
            throw new IllegalStateException("the bundled runbooks are missing from the classpath (" + BUNDLED_FOLDER + ")");
        }
        try {
            URI uri = url.toURI();
            if (!"jar".equals(uri.getScheme())) {
                return loadFiles(Path.of(uri), file -> "runbooks/" + file.getFileName());
            }
            FileSystem jar;
            boolean opened;
            try {
                jar = FileSystems.newFileSystem(uri, Map.of());
                opened = true;
            } catch (FileSystemAlreadyExistsException e) {
                jar = FileSystems.getFileSystem(uri);
                opened = false;
            }
            try {
                return loadFiles(jar.getPath(BUNDLED_FOLDER), file -> "runbooks/" + file.getFileName());
            } finally {
                if (opened) {
                    jar.close();
                }
            }
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the bundled runbooks from " + url, e);
        }
    }

    private interface Naming {
        String displayName(Path file);
    }

    private static RunbookLibrary loadFiles(Path dir, Naming naming) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md") && Files.isRegularFile(p))
                    .filter(p -> !p.getFileName().toString().equalsIgnoreCase("README.md"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing runbooks in " + dir, e);
        }
        RunbookParser parser = new RunbookParser();
        List<Runbook> runbooks = new ArrayList<>();
        List<RunbookProblem> problems = new ArrayList<>();
        for (Path file : files) {
            String name = naming.displayName(file);
            String content;
            try {
                content = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            } catch (CharacterCodingException e) {
                problems.add(RunbookProblem.error(name, 1, "not valid UTF-8 text; save the runbook as UTF-8"));
                continue;
            } catch (IOException e) {
                problems.add(RunbookProblem.error(name, 0, "cannot read: " + e.getMessage()));
                continue;
            }
            RunbookParser.Result result = parser.parse(name, content);
            result.runbook().ifPresent(runbooks::add);
            problems.addAll(result.problems());
        }
        return new RunbookLibrary(runbooks, problems);
    }
}
