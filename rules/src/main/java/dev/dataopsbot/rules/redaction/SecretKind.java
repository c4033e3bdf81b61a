package dev.dataopsbot.rules.redaction;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of secret as the catalogue describes it: where it can start (anchors), what it looks
 * like (a regex), which part of a match is the secret (so {@code password=[REDACTED]} keeps its
 * key), an optional check the secret must pass, and where its format is documented.
 */
public final class SecretKind {

    private final String id;
    private final String family;
    private final String what;
    private final List<Anchor> anchors;
    private final List<Anchor> after;
    private final Pattern pattern;
    private final List<Integer> secretGroups;
    private final ValueCheck check;
    private final List<String> unless;
    private final List<String> until;
    private final String replacement;
    private final String source;
    private final String example;

    /** The regex group holding the key name that {@code unless} words are checked against. */
    static final String KEY = "key";

    /** How far before a match its context word ({@code after}) may be, on the same line. */
    static final int CONTEXT_CHARS = 300;

    SecretKind(String id, String family, String what, List<Anchor> anchors, List<Anchor> after, Pattern pattern,
               List<Integer> secretGroups, ValueCheck check, List<String> unless, List<String> until, String replacement,
               String source, String example) {
        this.id = id;
        this.family = family;
        this.what = what;
        this.anchors = List.copyOf(anchors);
        this.after = List.copyOf(after);
        this.pattern = pattern;
        this.secretGroups = List.copyOf(secretGroups);
        this.check = check;
        this.unless = List.copyOf(unless);
        this.until = List.copyOf(until);
        this.replacement = replacement;
        this.source = source;
        this.example = example;
    }

    /** The id counts and JSON use, e.g. {@code github_pat}. */
    public String id() {
        return id;
    }

    /** cloud, vcs, ci, chat, payment, saas, private_key, connection, cli or generic. */
    public String family() {
        return family;
    }

    /** What it is, in a few words. */
    public String what() {
        return what;
    }

    /** Where the format is documented. */
    public String source() {
        return source;
    }

    /** A realistic line that contains one (fake) secret of this kind. */
    public String example() {
        return example;
    }

    /** The literals the anchors look for, lower-cased. */
    public List<String> anchorLiterals() {
        return anchors.stream().map(Anchor::literal).toList();
    }

    /**
     * The secret part of the first match of this kind in {@code text} as the regex alone sees it
     * (without anchors or checks), or null: for tests and documentation.
     */
    public String secretIn(String text) {
        java.util.regex.Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        int group = secretGroup(m);
        return group < 0 ? null : m.group(group);
    }

    /**
     * The first match in {@code text} with its secret part replaced by {@code elision}, or null:
     * the shape of the secret for documentation.
     */
    public String shapeIn(String text, String elision) {
        java.util.regex.Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return null;
        }
        int group = secretGroup(m);
        return text.substring(m.start(), m.start(group)) + elision + text.substring(m.end(group), m.end());
    }

    List<Anchor> anchors() {
        return anchors;
    }

    /** Context words: when there are some, a match counts only after one of them on the same line. */
    List<Anchor> after() {
        return after;
    }

    /**
     * Adds a span for each match at the sorted {@code candidates}: the secret group, through the
     * {@code until} literals when there are some (a key block runs to its END line, or to the end
     * of the text when it has none). With context words, a match counts only when one of the
     * sorted {@code contexts} starts a word at most {@value #CONTEXT_CHARS} characters before it on
     * the same line, with no pipe in between ({@code mysql ... -pX}, not {@code mysql ... | x -pY}).
     */
    void find(String text, int[] candidates, int[] contexts, int rank, Redaction sink) {
        if (!after.isEmpty() && contexts.length == 0) {
            return;
        }
        AnchoredPattern.matchAt(pattern, text, candidates, m -> {
            int group = secretGroup(m);
            if (group < 0 || !check.accepts(m.group(group)) || !unless.isEmpty() && keyEndsInException(m.group(KEY))) {
                return -1;
            }
            if (!after.isEmpty() && !followsContext(text, contexts, m.start())) {
                return -1;
            }
            int end = until.isEmpty() ? m.end(group) : through(text, m.end());
            sink.add(new Span(m.start(group), end, id, replacement, rank));
            return Math.max(m.end(), end);
        });
    }

    /** Whether the key name ends in one of the {@code unless} words ({@code secret_name}, {@code token_ttl}). */
    private boolean keyEndsInException(String key) {
        String name = Anchor.lower(key);
        for (String word : unless) {
            if (name.endsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** Each character between the match and its context word is read once: O(CONTEXT_CHARS) per match. */
    private static boolean followsContext(String text, int[] contexts, int start) {
        int i = java.util.Arrays.binarySearch(contexts, start);
        int clear = start;
        for (i = i >= 0 ? i - 1 : -i - 2; i >= 0 && start - contexts[i] <= CONTEXT_CHARS; i--) {
            int word = contexts[i];
            for (int c = clear - 1; c >= word; c--) {
                char ch = text.charAt(c);
                if (ch == '\n' || ch == '|') {
                    return false;
                }
            }
            clear = word;
            if (word == 0 || !Character.isLetterOrDigit(text.charAt(word - 1))) {
                return true;
            }
        }
        return false;
    }

    private int secretGroup(MatchResult m) {
        for (int group : secretGroups) {
            if (m.start(group) >= 0) {
                return group;
            }
        }
        return -1;
    }

    private int through(String text, int from) {
        int at = from;
        for (String literal : until) {
            int found = text.indexOf(literal, at);
            if (found < 0) {
                return text.length();
            }
            at = found + literal.length();
        }
        return at;
    }

    @Override
    public String toString() {
        return id;
    }
}
