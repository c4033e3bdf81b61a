package dev.dataopsbot.rules.routing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A YAML value that remembers its line, so that every problem in the routing file can name
 * one. Read with Jackson's streaming YAML parser (its tree model drops locations).
 *
 * @param line   1-based line where the value starts
 * @param scalar the text of a scalar, null for a mapping, a list or an empty value
 * @param fields a mapping's entries in file order, empty otherwise
 * @param items  a list's items, empty otherwise
 */
record YamlNode(int line, Kind kind, String scalar, Map<String, Field> fields, List<YamlNode> items) {

    enum Kind { SCALAR, EMPTY, MAPPING, LIST }

    /** One entry of a mapping, with the line of its key. */
    record Field(String key, int line, YamlNode value) {
    }

    /** The document could not be read as YAML at all. */
    static final class SyntaxException extends Exception {
        final int line;

        SyntaxException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private static final YAMLFactory FACTORY = new YAMLFactory();

    /**
     * @param duplicates receives {@code line: key} for each key repeated in one mapping (the later one is kept)
     * @return the root value, an {@link Kind#EMPTY} node for an empty document
     */
    static YamlNode parse(String text, List<Field> duplicates) throws SyntaxException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new YamlNode(1, Kind.EMPTY, null, Map.of(), List.of());
            }
            return read(parser, duplicates);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
            throw new SyntaxException(line, withoutEcho(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The parser's message without its echo of the file ("in 'reader', line 3, column 11:", the line, a caret). */
    private static String withoutEcho(String message) {
        return message.replaceAll("\\s*in 'reader', line \\d+, column \\d+:\\n[^\\n]*\\n\\s*\\^\\s*", ": ")
                .replaceAll("\\s*in 'reader', line \\d+, column \\d+:?\\s*", " ")
                .replaceAll("\\s+", " ").replaceAll("[: ]+$", "").strip();
    }

    private static YamlNode read(JsonParser parser, List<Field> duplicates) throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        return switch (parser.currentToken()) {
            case START_OBJECT -> {
                Map<String, Field> fields = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    int keyLine = parser.currentTokenLocation().getLineNr();
                    parser.nextToken();
                    Field field = new Field(key, keyLine, read(parser, duplicates));
                    if (fields.put(key, field) != null) {
                        duplicates.add(field);
                    }
                }
                yield new YamlNode(line, Kind.MAPPING, null, fields, List.of());
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, duplicates));
                }
                yield new YamlNode(line, Kind.LIST, null, Map.of(), items);
            }
            case VALUE_NULL -> new YamlNode(line, Kind.EMPTY, null, Map.of(), List.of());
            default -> new YamlNode(line, Kind.SCALAR, parser.getText(), Map.of(), List.of());
        };
    }

    boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    /** What this value is, for messages: {@code a list}, {@code a mapping}, {@code 'text'}. */
    String describe() {
        return switch (kind) {
            case SCALAR -> "'" + scalar + "'";
            case EMPTY -> "nothing";
            case MAPPING -> "a mapping";
            case LIST -> "a list";
        };
    }
}
