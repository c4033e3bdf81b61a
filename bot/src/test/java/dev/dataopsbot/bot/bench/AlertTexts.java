package dev.dataopsbot.bot.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Alert texts for the load: every {@code *.txt} file and every {@code text} of the {@code *.jsonl}
 * files in the given folders. {@link #nth} cycles through them with a suffix that names a
 * different pipeline for three requests in four; the fourth repeats an earlier alert exactly, as
 * a flapping job does.
 */
final class AlertTexts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> texts;

    private AlertTexts(List<String> texts) {
        this.texts = List.copyOf(texts);
    }

    /** Reads the folders that exist; fails if none holds an alert. */
    static AlertTexts from(List<Path> folders) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".txt")) {
                        texts.add(Files.readString(file, StandardCharsets.UTF_8).strip());
                    } else if (name.endsWith(".jsonl")) {
                        texts.addAll(jsonlTexts(file));
                    }
                }
            }
        }
        texts.removeIf(String::isBlank);
        if (texts.isEmpty()) {
            throw new IOException("no alert texts (*.txt, *.jsonl with a \"text\" field) in " + folders);
        }
        return new AlertTexts(texts);
    }

    int size() {
        return texts.size();
    }

    /** The alert for request {@code n}: when {@code n % 4 == 3} the same text as request {@code n - 3}. */
    String nth(int n) {
        int key = n % 4 == 3 ? n - 3 : n;
        return texts.get(key % texts.size()) + "\npipeline: bench_" + letters(key);
    }

    /** {@code n} in base 26 with letters, so a fingerprint that masks digits still sees a new pipeline. */
    private static String letters(int n) {
        StringBuilder out = new StringBuilder();
        int rest = n;
        do {
            out.append((char) ('a' + rest % 26));
            rest /= 26;
        } while (rest > 0);
        return out.reverse().toString();
    }

    private static List<String> jsonlTexts(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(line -> !line.isBlank()).map(line -> {
                try {
                    JsonNode text = JSON.readTree(line).get("text");
                    return text == null ? "" : text.asText();
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
            }).toList();
        }
    }
}
