package dev.dataopsbot.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A copy of the bundled rule folder (DRL, catalogues, examples), as a team would make one, for tests. */
public final class BundledFolderCopy {

    private BundledFolderCopy() {
    }

    /** Copies {@code src/main/resources/dev/dataopsbot/rules} to {@code target}; returns {@code target}. */
    public static Path to(Path target) throws IOException {
        Path source = Path.of("src/main/resources", RuleBase.BUNDLED_FOLDER);
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
