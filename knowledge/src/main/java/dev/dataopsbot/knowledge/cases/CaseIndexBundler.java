package dev.dataopsbot.knowledge.cases;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Build-time tool (run by Maven in {@code process-classes}): reads the top-level {@code cases/}
 * folder and writes the parsed cases and their Lucene index that {@link CaseLibrary#bundled()}
 * loads. A malformed case fails the build, naming its file and line.
 */
public final class CaseIndexBundler {

    private CaseIndexBundler() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CaseIndexBundler CASES_DIR CLASSES_DIR");
        }
        CaseLibrary.CaseFiles files = CaseLibrary.readFolder(Path.of(args[0]), Set.of());
        if (!files.problems().isEmpty()) {
            files.problems().forEach(System.err::println);
            throw new IllegalStateException(files.problems().size() + " problems in the bundled cases; fix them (see above)");
        }
        CaseLibrary.write(files.cases(), Path.of(args[1]).resolve(CaseLibrary.FOLDER));
    }
}
