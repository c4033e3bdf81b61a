package dev.dataopsbot.rules.redaction;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the secret catalogue's line format and checks every entry, naming the file and line of
 * the first problem: a kind is a block of {@code field: value} lines starting with
 * {@code kind: <id>}; {@code #} lines are comments. Besides the syntax, each entry's example must
 * be found through its own anchors and regex and pass its check, so an edit that breaks a kind
 * fails when the catalogue is loaded, not when a secret leaks.
 */
final class CatalogueReader {

    static final List<String> FAMILIES = List.of("cloud", "vcs", "ci", "chat", "payment", "saas", "private_key",
            "connection", "cli", "generic");
    private static final List<String> FIELDS = List.of("kind", "family", "what", "anchors", "after", "regex", "secret",
            "check", "unless", "until", "mark", "source", "example");
    private static final Set<String> REQUIRED = Set.of("family", "what", "anchors", "regex", "secret", "source", "example");
    private static final Pattern FIELD = Pattern.compile("([a-z]+):(?:[ \\t](.*))?");
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,60}");
    private static final Pattern GROUPS = Pattern.compile("\\d{1,2}(?:,\\d{1,2})*");

    /** A field's value and the line it was on. */
    private record Value(String text, int line) {
    }

    /** One block as read: its fields by name, and the line of its {@code kind:}. */
    private record Block(Map<String, Value> fields, int line) {
    }

    private final String file;

    CatalogueReader(String file) {
        this.file = file;
    }

    SecretCatalogue read(Reader reader) {
        List<Block> blocks = blocks(reader);
        List<SecretKind> kinds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Block block : blocks) {
            SecretKind kind = kind(block);
            Integer first = seen.putIfAbsent(kind.id(), block.line());
            if (first != null) {
                throw problem(block.line(), "kind '" + kind.id() + "' is defined twice (first at line " + first + ")");
            }
            kinds.add(kind);
        }
        if (kinds.isEmpty()) {
            throw problem(1, "no kinds: a catalogue needs at least one 'kind:' block");
        }
        SecretCatalogue catalogue = new SecretCatalogue(kinds);
        for (int k = 0; k < kinds.size(); k++) {
            checkExample(catalogue, k, blocks.get(k));
        }
        return catalogue;
    }

    private List<Block> blocks(Reader reader) {
        List<Block> blocks = new ArrayList<>();
        Map<String, Value> fields = null;
        int kindLine = 0;
        int number = 0;
        try (BufferedReader in = new BufferedReader(reader)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                Matcher m = FIELD.matcher(text);
                if (!m.matches()) {
                    throw problem(number, "expected 'field: value', got '" + shortened(text) + "'");
                }
                String name = m.group(1);
                String value = m.group(2) == null ? "" : m.group(2).strip();
                if (!FIELDS.contains(name)) {
                    throw problem(number, "unknown field '" + name + "' (known: " + String.join(", ", FIELDS) + ")");
                }
                if (name.equals("kind")) {
                    if (fields != null) {
                        blocks.add(new Block(fields, kindLine));
                    }
                    fields = new LinkedHashMap<>();
                    kindLine = number;
                } else if (fields == null) {
                    throw problem(number, "'" + name + "' before the first 'kind:'");
                }
                if (fields.containsKey(name)) {
                    throw problem(number, "'" + name + "' is given twice (first at line " + fields.get(name).line() + ")");
                }
                fields.put(name, new Value(value, number));
            }
        } catch (IOException e) {
            throw new CatalogueException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (fields != null) {
            blocks.add(new Block(fields, kindLine));
        }
        return blocks;
    }

    private SecretKind kind(Block block) {
        Map<String, Value> f = block.fields();
        Value idValue = f.get("kind");
        String id = idValue.text();
        if (!ID.matcher(id).matches()) {
            throw problem(idValue.line(), "kind id '" + shortened(id) + "' must be lower_snake_case (a-z, 0-9, _)");
        }
        for (String name : FIELDS) {
            if (REQUIRED.contains(name) && (!f.containsKey(name) || f.get(name).text().isEmpty())) {
                throw problem(block.line(), "kind '" + id + "' has no '" + name + "'");
            }
        }
        Value family = f.get("family");
        if (!FAMILIES.contains(family.text())) {
            throw problem(family.line(), "unknown family '" + family.text() + "' (known: " + String.join(", ", FAMILIES) + ")");
        }
        Pattern pattern = pattern(f.get("regex"));
        List<Integer> groups = groups(f.get("secret"), pattern);
        List<Anchor> anchors = anchors(f.get("anchors"));
        List<Anchor> after = f.containsKey("after") ? anchors(f.get("after")) : List.of();
        if (after.stream().anyMatch(word -> word.maxBack() > 0)) {
            throw problem(f.get("after").line(), "'after' words take no 'before N'");
        }
        ValueCheck check = ValueCheck.NONE;
        if (f.containsKey("check")) {
            try {
                check = ValueCheck.named(f.get("check").text());
            } catch (IllegalArgumentException e) {
                throw problem(f.get("check").line(), e.getMessage());
            }
        }
        List<String> unless = f.containsKey("unless")
                ? Arrays.stream(f.get("unless").text().split(" \\| ")).map(String::strip).map(Anchor::lower).toList()
                : List.of();
        if (!unless.isEmpty() && !pattern.pattern().contains("(?<" + SecretKind.KEY + ">")) {
            throw problem(f.get("unless").line(), "'unless' needs a group named '" + SecretKind.KEY
                    + "' in the regex holding the key name, e.g. (?<key>password[a-z_]{0,20})");
        }
        if (unless.stream().anyMatch(String::isEmpty)) {
            throw problem(f.get("unless").line(), "'unless' has an empty word");
        }
        List<String> until = f.containsKey("until")
                ? Arrays.stream(f.get("until").text().split(" \\| ")).map(String::strip).map(CatalogueReader::unescape).toList()
                : List.of();
        if (until.stream().anyMatch(String::isEmpty)) {
            throw problem(f.get("until").line(), "'until' has an empty literal");
        }
        String mark = f.containsKey("mark") ? unescape(f.get("mark").text()) : Redactor.MARK;
        Value source = f.get("source");
        if (!source.text().startsWith("https://") || source.text().contains(" ")) {
            throw problem(source.line(), "source must be one https:// URL, got '" + shortened(source.text()) + "'");
        }
        return new SecretKind(id, family.text(), f.get("what").text(), anchors, after, pattern, groups, check, unless, until, mark,
                source.text(), unescape(f.get("example").text()));
    }

    private Pattern pattern(Value regex) {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex.text());
        } catch (PatternSyntaxException e) {
            throw problem(regex.line(), "regex does not compile: " + e.getDescription() + " near index " + e.getIndex());
        }
        int unbounded = unboundedRepetition(regex.text());
        if (unbounded >= 0) {
            throw problem(regex.line(), "regex repeats without bound at index " + unbounded + " ('*', '+' or '{n,}'); "
                    + "use {m,n} so that hostile input costs linear time");
        }
        return pattern;
    }

    /**
     * The index of the first unbounded quantifier outside a character class ({@code *}, {@code +}
     * other than the possessive mark after {@code {m,n}} or {@code ?}, {@code {n,}}), or -1.
     */
    static int unboundedRepetition(String regex) {
        int classDepth = 0;
        char previous = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
                previous = 'x';
                continue;
            }
            if (classDepth > 0) {
                if (c == '[') {
                    classDepth++;
                } else if (c == ']') {
                    classDepth--;
                }
                previous = ']';
                continue;
            }
            if (c == '[') {
                classDepth = 1;
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == '*' || c == '+' && previous != '}' && previous != '?') {
                return i;
            } else if (c == '{' && regex.indexOf(',', i) >= 0 && regex.indexOf('}', i) == regex.indexOf(',', i) + 1) {
                return i;
            }
            previous = c;
        }
        return -1;
    }

    private List<Integer> groups(Value secret, Pattern pattern) {
        if (!GROUPS.matcher(secret.text()).matches()) {
            throw problem(secret.line(), "secret must name the regex group(s) holding the secret, such as 0, 1 or 1,2; got '"
                    + shortened(secret.text()) + "'");
        }
        int count = pattern.matcher("").groupCount();
        List<Integer> groups = Arrays.stream(secret.text().split(",")).map(Integer::valueOf).toList();
        for (int group : groups) {
            if (group > count) {
                throw problem(secret.line(), "secret group " + group + " does not exist: the regex has " + count + " group(s)");
            }
        }
        return groups;
    }

    private List<Anchor> anchors(Value value) {
        List<Anchor> anchors = new ArrayList<>();
        for (String spec : value.text().split(" \\| ")) {
            try {
                Anchor anchor = Anchor.parse(spec);
                if (anchor.literal().charAt(0) >= 128 || anchor.literal().charAt(1) >= 128) {
                    throw new IllegalArgumentException("anchor '" + anchor.literal() + "' must start with two ASCII characters");
                }
                anchors.add(anchor);
            } catch (IllegalArgumentException e) {
                throw problem(value.line(), e.getMessage());
            }
        }
        return anchors;
    }

    private void checkExample(SecretCatalogue catalogue, int k, Block block) {
        SecretKind kind = catalogue.kinds().get(k);
        Value example = block.fields().get("example");
        if (kind.secretIn(kind.example()) == null) {
            throw problem(example.line(), "the example has no match of the regex of kind '" + kind.id() + "'");
        }
        if (!catalogue.findsOwnExample(k)) {
            throw problem(block.fields().get("anchors").line(), "kind '" + kind.id() + "': its example's match does not start at "
                    + "an anchor (" + String.join(", ", kind.anchorLiterals()) + ")"
                    + (kind.after().isEmpty() ? "" : ", follow an 'after' word on its line,") + " or its secret fails the check");
        }
    }

    private static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(i + 1);
                if (e == 'n' || e == 't' || e == '\\') {
                    out.append(e == 'n' ? '\n' : e == 't' ? '\t' : '\\');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String shortened(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private CatalogueException problem(int line, String message) {
        return new CatalogueException(file, line, message);
    }
}
