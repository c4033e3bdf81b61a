package dev.dataopsbot.knowledge.runbook;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The passage of a runbook shown under a hit: the section with the most distinct query terms and,
 * for the top hit, that section's sentence with the most of them; the runners-up show the
 * section's opening. Text is plain (no markdown fences, markup or runs of blanks), prefixed with
 * the section's name ({@code "Diagnostics: Check the key with ..."}), at most {@link #MAX_CHARS}.
 *
 * <p>Each runbook's sections and sentences are analysed once, on first use, the way the index
 * analyses query text; a search then only counts set members. (Lucene's UnifiedHighlighter
 * re-analysed the section on every search and cost more than the search itself.) Thread-safe.
 */
final class RunbookSnippets {

    static final int MAX_CHARS = 280;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern MARKUP = Pattern.compile("```[a-z]*|`|\\*\\*|^#+ |^\\s*(?:[-*]|\\d+\\.) ", Pattern.MULTILINE);

    private final Function<String, Set<String>> analyser;
    private final Map<Integer, List<Section>> sections = new ConcurrentHashMap<>();

    /** @param analyser the distinct terms of a text, analysed as the index analyses query text */
    RunbookSnippets(Function<String, Set<String>> analyser) {
        this.analyser = analyser;
    }

    /**
     * @param doc        the runbook's document number (the cache key)
     * @param terms      the query's analysed terms
     * @param bestPassage the best sentence of the section rather than its opening
     */
    String snippet(int doc, Runbook runbook, Set<String> terms, boolean bestPassage) {
        Section best = null;
        int bestCount = 0;
        for (Section section : sections.computeIfAbsent(doc, d -> analyse(runbook))) {
            int count = matches(section.terms(), terms);
            if (count > bestCount) {
                best = section;
                bestCount = count;
            }
        }
        if (best == null) {
            return opening("Symptoms", runbook.sections().getOrDefault("Symptoms", ""));
        }
        if (!bestPassage) {
            return best.opening();
        }
        Passage passage = null;
        int passageCount = 0;
        for (Passage candidate : best.passages()) {
            int count = matches(candidate.terms(), terms);
            if (count > passageCount) {
                passage = candidate;
                passageCount = count;
            }
        }
        return passage == null ? best.opening() : best.name() + ": " + plain(passage.text());
    }

    private static int matches(Set<String> have, Set<String> wanted) {
        int count = 0;
        for (String term : wanted) {
            if (have.contains(term)) {
                count++;
            }
        }
        return count;
    }

    private List<Section> analyse(Runbook runbook) {
        List<Section> out = new ArrayList<>();
        runbook.sections().forEach((name, text) -> {
            List<Passage> passages = new ArrayList<>();
            Set<String> sectionTerms = new LinkedHashSet<>();
            for (String sentence : sentences(text)) {
                Set<String> terms = Set.copyOf(analyser.apply(sentence));
                sectionTerms.addAll(terms);
                passages.add(new Passage(sentence, terms));
            }
            out.add(new Section(name, Set.copyOf(sectionTerms), List.copyOf(passages), opening(name, text)));
        });
        return List.copyOf(out);
    }

    /** The sentences of each line: a bullet, a code line or a paragraph line is a unit of its own. */
    private static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        BreakIterator breaks = BreakIterator.getSentenceInstance(Locale.ROOT);
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("```")) {
                continue;
            }
            breaks.setText(line);
            int start = breaks.first();
            for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
                String sentence = line.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    out.add(sentence);
                }
            }
        }
        return out;
    }

    /** The first words of a section, cleaned of markdown, prefixed with its name. */
    static String opening(String section, String text) {
        return section + ": " + plain(text.length() > 2 * MAX_CHARS ? text.substring(0, 2 * MAX_CHARS) : text);
    }

    /** Markdown markup removed, whitespace collapsed, at most {@link #MAX_CHARS} with an ellipsis. */
    private static String plain(String markdown) {
        String clean = WHITESPACE.matcher(MARKUP.matcher(markdown).replaceAll("")).replaceAll(" ").strip();
        return clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS - 1).strip() + "…" : clean;
    }

    private record Passage(String text, Set<String> terms) {
    }

    private record Section(String name, Set<String> terms, List<Passage> passages, String opening) {
    }
}
