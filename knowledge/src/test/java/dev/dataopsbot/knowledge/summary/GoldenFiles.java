package dev.dataopsbot.knowledge.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares rendered text with a golden file under {@code src/test/resources/summary/}. To accept
 * a changed rendering, regenerate the files and review the diff before committing:
 * {@code mvn -B -o test -pl knowledge -Dtest=PostIncidentSummaryTest -Dgolden.update=true}
 */
final class GoldenFiles {

    static final Path FOLDER = Path.of("src", "test", "resources", "summary");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private GoldenFiles() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = FOLDER.resolve(name);
        if (UPDATE) {
            Files.createDirectories(FOLDER);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file.toAbsolutePath() + " is missing; create it with -Dgolden.update=true");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "rendering differs from " + file + "; if the change is intended, regenerate with -Dgolden.update=true");
    }
}
