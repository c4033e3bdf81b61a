package dev.dataopsbot.rules.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import dev.dataopsbot.rules.CodeMatch;
import dev.dataopsbot.rules.LogLine;
import dev.dataopsbot.rules.text.IdentifierWords;

/**
 * Finds the catalogued codes in a line. Built once from the {@link Catalogues}; thread-safe.
 *
 * <p>Token catalogues are one hash lookup per identifier of the line (whole, and its last dotted
 * segment, so {@code java.net.SocketTimeoutException} finds {@code SocketTimeoutException}, then its
 * first, so Spark's {@code [DELTA_CONCURRENT_APPEND.WITHOUT_HINT]} finds its condition). A
 * plain-word code ({@code timeout}, {@code UNAVAILABLE}) counts only where its catalogue's context
 * regex matches the line. Pattern catalogues run their regex, on lines with a digit when all their
 * codes have one. Identifiers no catalogue knows are split into words and read against the word
 * catalogues, so an unseen {@code ConcurrentRunsExceededException} is still understood.
 */
public final class CodeScanner {

    private record TokenEntry(CodeCatalogue catalogue, CatalogueEntry entry, boolean distinctive) {
    }

    private record PatternCatalogue(CodeCatalogue catalogue, Map<String, CatalogueEntry> exact,
                                    List<CatalogueEntry> prefixes, boolean needsDigit, String[] requires) {
    }

    /** Words an identifier must contain, and words ({@code -backoff} in the file) it must not. */
    private record WordEntry(CodeCatalogue catalogue, CatalogueEntry entry, List<String> words, List<String> not) {

        static WordEntry of(CodeCatalogue catalogue, CatalogueEntry entry) {
            List<String> all = List.of(entry.code().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
            return new WordEntry(catalogue, entry, all.stream().filter(w -> !w.startsWith("-")).toList(),
                    all.stream().filter(w -> w.startsWith("-")).map(w -> w.substring(1)).toList());
        }

        boolean fits(List<String> parts) {
            return parts.containsAll(words) && not.stream().noneMatch(parts::contains);
        }
    }

    private final Map<String, List<TokenEntry>> tokens = new HashMap<>();
    private final List<PatternCatalogue> patterns = new ArrayList<>();
    private final List<WordEntry> wordEntries = new ArrayList<>();

    public CodeScanner(Catalogues catalogues) {
        for (CodeCatalogue catalogue : catalogues.all()) {
            switch (catalogue.kind()) {
                case TOKEN -> catalogue.entries().forEach(e -> tokens.computeIfAbsent(e.code(), k -> new ArrayList<>())
                        .add(new TokenEntry(catalogue, e, isDistinctive(e.code()))));
                case PATTERN -> patterns.add(new PatternCatalogue(catalogue, catalogue.exact(), catalogue.prefixes(),
                        catalogue.entries().stream().allMatch(e -> e.code().chars().anyMatch(Character::isDigit)),
                        catalogue.requires().toArray(String[]::new)));
                case WORDS -> catalogue.entries().forEach(e -> wordEntries.add(WordEntry.of(catalogue, e)));
            }
        }
    }

    /**
     * A code is distinctive when no ordinary prose word looks like it: it has an underscore or a
     * digit, or is CamelCase (an upper-case letter after the first, and lower-case letters).
     */
    static boolean isDistinctive(String code) {
        boolean underscoreOrDigit = code.chars().anyMatch(c -> c == '_' || Character.isDigit(c));
        boolean innerUpper = code.chars().skip(1).anyMatch(Character::isUpperCase);
        boolean lower = code.chars().anyMatch(Character::isLowerCase);
        return underscoreOrDigit || (innerUpper && lower);
    }

    /**
     * Only names that read as error names are split into words: PascalCase
     * ({@code RequestLimitExceeded}), UPPER_SNAKE ({@code ICEBERG_COMMIT_ERROR}), or camelCase ending
     * like an error ({@code quotaExceeded}). A lower snake_case name is more often a setting
     * ({@code execution_timeout}) than an error, and is left alone, as is any name followed by
     * {@code =} ({@code ConnectTimeout=30}).
     */
    static boolean looksLikeErrorName(String name) {
        if (name.length() < 4 || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        boolean lower = name.chars().anyMatch(Character::isLowerCase);
        boolean innerUpper = name.chars().skip(1).anyMatch(Character::isUpperCase);
        if (!lower) {
            return name.indexOf('_') > 0;
        }
        if (Character.isUpperCase(name.charAt(0))) {
            return innerUpper;
        }
        return innerUpper && ERROR_ENDING.matcher(name).find();
    }

    private static final java.util.regex.Pattern ERROR_ENDING =
            java.util.regex.Pattern.compile("(Error|Exception|Exceeded|Failed|Failure|Denied|Expired|Unavailable)$");

    /** The catalogued codes of one line, at most one match per catalogue entry. */
    public List<CodeMatch> scan(LogLine line) {
        Map<String, CodeMatch> found = new LinkedHashMap<>();
        String text = line.getText();
        boolean hasDigit = false;
        for (int i = 0; i < text.length() && !hasDigit; i++) {
            hasDigit = Character.isDigit(text.charAt(i));
        }
        if (!tokens.isEmpty() || !wordEntries.isEmpty()) {
            scanTokens(line, found);
        }
        for (PatternCatalogue p : patterns) {
            if ((p.needsDigit() && !hasDigit) || (p.requires().length > 0 && !line.hasAnyWord(p.requires()))) {
                continue;
            }
            Matcher m = p.catalogue().pattern().matcher(text);
            while (m.find()) {
                p.catalogue().capture(m).ifPresent(code -> lookUp(p, code)
                        .ifPresent(entry -> add(found, p.catalogue(), entry, code, line)));
            }
        }
        return new ArrayList<>(found.values());
    }

    private java.util.Optional<CatalogueEntry> lookUp(PatternCatalogue p, String code) {
        CatalogueEntry exact = p.exact().get(code);
        if (exact != null) {
            return java.util.Optional.of(exact);
        }
        return p.prefixes().stream().filter(e -> code.startsWith(e.prefix())).findFirst();
    }

    private void scanTokens(LogLine line, Map<String, CodeMatch> found) {
        String text = line.getText();
        Set<String> seen = new HashSet<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            boolean tokenChar = Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.' || c == '-';
            if (tokenChar && start < 0) {
                start = i;
            } else if (!tokenChar && start >= 0) {
                String token = trim(text.substring(start, i));
                start = -1;
                boolean setting = i < text.length() && (c == '=' || (c == ' ' && i + 1 < text.length() && text.charAt(i + 1) == '='));
                if (!token.isEmpty() && seen.add(token)) {
                    token(line, token, !setting, found);
                }
            }
        }
    }

    private void token(LogLine line, String token, boolean mayBeErrorName, Map<String, CodeMatch> found) {
        String last = token.contains(".") ? token.substring(token.lastIndexOf('.') + 1) : token;
        boolean hit = lookUpToken(line, token, token, found);
        if (!hit && !last.equals(token)) {
            hit = lookUpToken(line, last, token, found);
        }
        if (!hit && token.contains(".")) {
            hit = lookUpToken(line, token.substring(0, token.indexOf('.')), token, found);
        }
        if (!hit && token.contains("-")) {
            for (String piece : token.split("-")) {
                hit |= !piece.isEmpty() && lookUpToken(line, piece, token, found);
            }
        }
        if (!hit && mayBeErrorName && !wordEntries.isEmpty() && looksLikeErrorName(last)) {
            List<String> parts = IdentifierWords.split(last);
            if (parts.size() > 1) {
                for (WordEntry w : wordEntries) {
                    if (w.fits(parts)) {
                        add(found, w.catalogue(), w.entry(), last, line);
                    }
                }
            }
        }
    }

    private boolean lookUpToken(LogLine line, String candidate, String token, Map<String, CodeMatch> found) {
        List<TokenEntry> entries = tokens.get(candidate);
        if (entries == null) {
            return false;
        }
        boolean hit = false;
        for (TokenEntry t : entries) {
            Matcher context = t.distinctive() || t.catalogue().context() == null ? null
                    : t.catalogue().context().matcher(line.getText());
            if (t.distinctive() || (context != null && context.find())) {
                add(found, t.catalogue(), t.entry(), token, line);
                hit = true;
            }
        }
        return hit;
    }

    private static void add(Map<String, CodeMatch> found, CodeCatalogue catalogue, CatalogueEntry entry,
                            String as, LogLine line) {
        found.putIfAbsent(catalogue.name() + "\u0000" + entry.code(), new CodeMatch(catalogue.name(), entry.code(),
                as, entry.mode(), entry.weight(), entry.retry(), entry.meaning(), entry.retryReason(), line.getNumber(),
                line.getText()));
    }

    private static String trim(String token) {
        int from = 0;
        int to = token.length();
        while (from < to && !Character.isLetterOrDigit(token.charAt(from))) {
            from++;
        }
        while (to > from && !Character.isLetterOrDigit(token.charAt(to - 1))) {
            to--;
        }
        return token.substring(from, to);
    }
}
