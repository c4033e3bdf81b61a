package dev.dataopsbot.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One file of a rule pack: a DRL file, an error-code catalogue or an examples file.
 *
 * @param name     its path inside the pack, with {@code /} ({@code rate_limit.drl},
 *                 {@code catalogues/http-status.tsv}), the same for a folder and for the bundled pack
 * @param location where it was read, as shown in {@code file:line:} messages (a file path, or the
 *                 classpath resource of a bundled file)
 * @param text     its content
 */
public record PackFile(String name, String location, String text) {

    /**
     * Every regular file under {@code dir} whose name ends with {@code suffix}, sorted by name.
     *
     * @throws RuleCompilationException naming the file when one cannot be read
     */
    public static List<PackFile> under(Path dir, String suffix) {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> p.getFileName().toString().endsWith(suffix) && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + suffix + " files in " + dir, e);
        }
        List<PackFile> files = new ArrayList<>();
        List<RuleProblem> problems = new ArrayList<>();
        for (Path path : paths) {
            try {
                String name = dir.relativize(path).toString().replace('\\', '/');
                files.add(new PackFile(name, path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                problems.add(new RuleProblem(path.toString(), 0, "cannot read: " + e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleCompilationException(problems);
        }
        return files;
    }

    /** A bundled file, {@code name} relative to {@link RuleBase#BUNDLED_FOLDER}; empty when the jar lacks it. */
    public static Optional<PackFile> bundled(String name) {
        String resource = RuleBase.BUNDLED_FOLDER + name;
        try (InputStream in = PackFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(new PackFile(name, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    /** The file name without its folder: {@code http-status.tsv}. */
    public String fileName() {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
