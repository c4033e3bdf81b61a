package dev.dataopsbot.bot.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * The counts README.md and docs/ state about the bundled data (runbooks, labelled cases and their
 * systems, catalogue files and entries) are the counts of the files: numbers in the docs that no
 * longer match the data are a defect.
 */
class DocumentedCountsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CATALOGUES = ROOT.resolve("rules/src/main/resources/dev/dataopsbot/rules/catalogues");
    private static final NumberFormat GROUPED = NumberFormat.getIntegerInstance(Locale.ENGLISH);

    @Test
    void readme_counts_match_the_bundled_data() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertEquals(runbooks(), number(readme, "\\((\\d[\\d,]*) bundled: a generic one per"));
        assertEquals(catalogueFiles(), number(readme, "`catalogues/\\*\\.tsv`, (\\d+) files"));
        assertEquals(catalogueEntries(), number(readme, "`catalogues/\\*\\.tsv`, \\d+ files, (\\d[\\d,]*)"));
        assertEquals(cases().size(), number(readme, "has (\\d[\\d,]*) alert excerpts from"));
        assertEquals(systems(), number(readme, "alert excerpts from (\\d+) systems"));
    }

    @Test
    void classification_doc_counts_match_the_bundled_data() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/classification.md"));
        assertEquals(catalogueFiles(), number(doc, "\\*\\*(\\d+) catalogues\\*\\*"));
        assertEquals(catalogueEntries(), number(doc, "\\*\\*\\d+ catalogues\\*\\* \\| \\| \\| \\*\\*(\\d[\\d,]*)\\*\\*"));
        assertEquals(cases().size(), number(doc, "(\\d[\\d,]*) cases from \\d+ systems"));
        assertEquals(systems(), number(doc, "[\\d,]+ cases from (\\d+) systems"));
    }

    private static int number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "the docs state a count matching " + regex);
        try {
            return GROUPED.parse(m.group(1)).intValue();
        } catch (java.text.ParseException e) {
            throw new AssertionError(m.group(1), e);
        }
    }

    private static int runbooks() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("runbooks"))) {
            return (int) files.filter(p -> p.toString().endsWith(".md")).count();
        }
    }

    private static int catalogueFiles() throws IOException {
        try (Stream<Path> files = Files.list(CATALOGUES)) {
            return (int) files.filter(p -> p.toString().endsWith(".tsv")).count();
        }
    }

    private static int catalogueEntries() throws IOException {
        int entries = 0;
        try (Stream<Path> files = Files.list(CATALOGUES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                entries += (int) Files.readAllLines(file).stream()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            }
        }
        return entries;
    }

    private static List<String> cases() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("cases"))) {
            return files.filter(p -> p.toString().endsWith(".jsonl")).sorted().flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> !l.isBlank());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static int systems() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Set<String> systems = new HashSet<>();
        for (String line : cases()) {
            systems.add(json.readTree(line).path("system").asText());
        }
        return systems.size();
    }
}
