package dev.dataopsbot.knowledge.runbook;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Build-time tool (run by Maven in {@code process-classes}): parses the top-level runbooks
 * folder and writes the prebuilt index that {@link RunbookIndex#bundled()} loads. A runbook
 * with errors fails the build, so a broken bundled runbook never ships.
 */
public final class RunbookIndexBundler {

    private RunbookIndexBundler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RunbookIndexBundler RUNBOOKS_DIR CLASSES_DIR");
        }
        RunbookLibrary library = RunbookLibrary.loadAsBundled(Path.of(args[0]));
        List<RunbookProblem> errors = library.problems().stream().filter(RunbookProblem::isError).toList();
        if (!errors.isEmpty()) {
            errors.forEach(System.err::println);
            throw new IllegalStateException(errors.size() + " bundled runbooks have errors; fix them (see above)");
        }
        Path folder = Path.of(args[1]).resolve(BundledRunbookIndex.FOLDER);
        BundledRunbookIndex.write(library.runbooks(), folder);
    }
}
