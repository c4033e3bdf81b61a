package dev.dataopsbot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dataopsbot.rules.text.LiteralStarts;

/**
 * A regex searched for in a lower-cased line, the way rules ask "does this line say X?".
 *
 * <p>{@link Matcher#find()} tries a pattern at every position of the line; for the long
 * alternations rules use ({@code (invalid identifier|unknown column|no such column|...)}) that
 * costs tens of microseconds on a long log line. Most such patterns start every alternative with
 * a literal, so this class works out those literals when the pattern is compiled, finds their
 * occurrences with {@link String#indexOf} and asks the pattern to match only there
 * ({@link Matcher#lookingAt()}, with transparent bounds so {@code \b} still sees the character
 * before). A pattern whose alternatives do not all start with a literal is searched as usual.
 */
public final class LineRegex {

    /** Compiled patterns by source: rules repeat the same few hundred regex literals for every line. */
    private static final Map<String, LineRegex> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 10_000;

    private final Pattern pattern;
    /** Every match starts at one of these, or null when no such set was found. */
    private final List<String> anchors;
    /** The anchors of a pattern with many, found in one pass over the line; null for few or none. */
    private final LiteralStarts manyAnchors;
    private static final int MANY_ANCHORS = 4;

    private LineRegex(String regex) {
        this.pattern = Pattern.compile(regex);
        this.anchors = Anchors.of(regex);
        this.manyAnchors = anchors != null && anchors.size() >= MANY_ANCHORS && anchors.stream().noneMatch(String::isEmpty)
                ? new LiteralStarts(anchors) : null;
    }

    /** The compiled form of a regex, compiled once. */
    public static LineRegex of(String regex) {
        LineRegex known = COMPILED.get(regex);
        if (known != null) {
            return known;
        }
        LineRegex compiled = new LineRegex(regex);
        if (COMPILED.size() < MAX_COMPILED) {
            COMPILED.putIfAbsent(regex, compiled);
        }
        return compiled;
    }

    /** The literals every match starts with; null when the search runs at every position. */
    List<String> anchors() {
        return anchors;
    }

    /** True when the pattern matches somewhere in the text (same answer as {@code find()}). */
    public boolean foundIn(String text) {
        if (anchors == null) {
            return pattern.matcher(text).find();
        }
        if (manyAnchors != null) {
            return foundAtAnchors(text);
        }
        Matcher m = null;
        for (String anchor : anchors) {
            for (int at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
                m = from(m, text, at);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@link #foundIn} for many anchors: each position of the text is looked at once. */
    private boolean foundAtAnchors(String text) {
        Matcher m = null;
        for (int at = 0; at < text.length(); at++) {
            if (manyAnchors.anyAt(text, at)) {
                m = from(m, text, at);
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code reuse} (made on first use: most lines hold no anchor) with its region starting at
     * {@code at}, bounds transparent so look-behinds see the text before it.
     */
    private Matcher from(Matcher reuse, String text, int at) {
        Matcher m = reuse != null ? reuse : pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        return m.region(at, text.length());
    }

    /**
     * Works out the literal prefixes of a regex's alternatives. Conservative: anything it does
     * not understand (a character class, a wildcard, an optional first element, a look-around)
     * gives up, and the pattern is then searched at every position.
     */
    static final class Anchors {

        private final String regex;
        private int pos;

        private Anchors(String regex) {
            this.regex = regex;
        }

        static List<String> of(String regex) {
            Anchors parser = new Anchors(regex);
            List<String> anchors = parser.alternatives(false);
            return anchors == null || parser.pos != regex.length() ? null : List.copyOf(anchors);
        }

        /**
         * The anchors of the alternatives from {@link #pos} to the end of the enclosing group (or
         * of the regex), leaving {@link #pos} after them; null when one has none.
         */
        private List<String> alternatives(boolean inGroup) {
            List<String> anchors = new ArrayList<>();
            boolean failed = false;
            while (true) {
                String prefix = literalPrefix();
                if (prefix == null) {
                    failed = true;
                } else if (prefix.isEmpty()) {
                    List<String> nested = groupPrefix();
                    if (nested == null) {
                        failed = true;
                    } else {
                        anchors.addAll(nested);
                    }
                } else {
                    anchors.add(prefix);
                }
                if (!skipToAlternativeEnd()) {
                    return null;
                }
                if (pos < regex.length() && regex.charAt(pos) == '|') {
                    pos++;
                    continue;
                }
                if (inGroup && (pos >= regex.length() || regex.charAt(pos) != ')')) {
                    return null;
                }
                return failed ? null : anchors;
            }
        }

        /**
         * The literal run at {@link #pos} after zero-width {@code \b} and {@code ^}: "" when the
         * alternative starts with a group, null when it starts with anything else that is not a
         * literal or with an optional literal.
         */
        private String literalPrefix() {
            while (regex.startsWith("\\b", pos) || regex.startsWith("^", pos)) {
                pos += regex.charAt(pos) == '^' ? 1 : 2;
            }
            StringBuilder literal = new StringBuilder();
            int i = pos;
            while (i < regex.length()) {
                int[] parsed = literalAt(i);
                if (parsed == null) {
                    break;
                }
                int next = parsed[1];
                if (next < regex.length() && isOptionalQuantifier(next)) {
                    break;
                }
                literal.append((char) parsed[0]);
                i = next;
                if (next < regex.length() && "+{".indexOf(regex.charAt(next)) >= 0) {
                    break;
                }
            }
            if (literal.length() > 0) {
                return literal.toString();
            }
            return pos < regex.length() && regex.charAt(pos) == '(' ? "" : null;
        }

        /** The anchors of a (non-capturing or capturing) group at {@link #pos} that is not optional. */
        private List<String> groupPrefix() {
            int open = pos;
            if (regex.startsWith("(?:", pos)) {
                pos += 3;
            } else if (regex.startsWith("(?", pos)) {
                return null;
            } else {
                pos++;
            }
            List<String> nested = alternatives(true);
            if (nested == null) {
                return null;
            }
            pos++;
            if (pos < regex.length() && isOptionalQuantifier(pos)) {
                return null;
            }
            pos = open;
            return nested;
        }

        /** Moves {@link #pos} to the next top-level '|' or ')' (or the end); false on a syntax surprise. */
        private boolean skipToAlternativeEnd() {
            int depth = 0;
            while (pos < regex.length()) {
                char c = regex.charAt(pos);
                if (c == '\\') {
                    pos += 2;
                    continue;
                }
                if (c == '[') {
                    pos = classEnd(pos);
                    if (pos < 0) {
                        return false;
                    }
                    continue;
                }
                if (c == '(') {
                    depth++;
                } else if (c == ')') {
                    if (depth == 0) {
                        return true;
                    }
                    depth--;
                } else if (c == '|' && depth == 0) {
                    return true;
                }
                pos++;
            }
            return depth == 0;
        }

        private int classEnd(int open) {
            int i = open + 1;
            if (i < regex.length() && regex.charAt(i) == '^') {
                i++;
            }
            if (i < regex.length() && regex.charAt(i) == ']') {
                i++;
            }
            while (i < regex.length()) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i += 2;
                } else if (c == ']') {
                    return i + 1;
                } else {
                    i++;
                }
            }
            return -1;
        }

        /** {char, next index} for a literal character at i, or null. */
        private int[] literalAt(int i) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char e = regex.charAt(i + 1);
                if (e == 'x' && i + 3 < regex.length()) {
                    try {
                        return new int[] {Integer.parseInt(regex.substring(i + 2, i + 4), 16), i + 4};
                    } catch (NumberFormatException notHex) {
                        return null;
                    }
                }
                return Character.isLetterOrDigit(e) ? null : new int[] {e, i + 2};
            }
            return "()[]{}.*+?|^$\\".indexOf(c) >= 0 ? null : new int[] {c, i + 1};
        }

        private boolean isOptionalQuantifier(int i) {
            char c = regex.charAt(i);
            return c == '?' || c == '*' || regex.startsWith("{0", i);
        }
    }
}
