package dev.dataopsbot.rules.redaction;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The kinds of secret the redactor removes, read from a data file
 * ({@value #BUNDLED} on the classpath), in priority order: where two kinds find the same secret
 * the one listed first names it. Immutable once loaded and safe to share between threads.
 */
public final class SecretCatalogue {

    /** The catalogue that ships with the bot. */
    public static final String BUNDLED = "dev/dataopsbot/rules/redaction/secret-kinds.txt";

    private final List<SecretKind> kinds;
    private final AnchorIndex index;

    SecretCatalogue(List<SecretKind> kinds) {
        this.kinds = List.copyOf(kinds);
        this.index = new AnchorIndex(this.kinds);
    }

    /**
     * The bundled catalogue.
     *
     * @throws CatalogueException when it is missing or invalid (a packaging fault)
     */
    public static SecretCatalogue bundled() {
        try (InputStream in = SecretCatalogue.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new CatalogueException(BUNDLED, 0, "the bundled secret catalogue is missing from the classpath");
            }
            return read(BUNDLED, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CatalogueException(BUNDLED, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks a catalogue.
     *
     * @param file the name errors give for it
     * @throws CatalogueException naming the file and line of the first problem
     */
    public static SecretCatalogue read(String file, Reader reader) {
        return new CatalogueReader(file).read(reader);
    }

    /** The kinds, in priority order. */
    public List<SecretKind> kinds() {
        return kinds;
    }

    /** Adds the span of every secret in {@code text}; ranks are catalogue positions. */
    void find(String text, Redaction sink) {
        AnchorIndex.Candidates candidates = index.candidates(text);
        for (int k = 0; k < kinds.size(); k++) {
            if (candidates.starts()[k].length > 0) {
                kinds.get(k).find(text, candidates.starts()[k], candidates.contexts()[k], k, sink);
            }
        }
    }

    /** Whether kind {@code k} finds a secret in its own example, through the anchor index like any text. */
    boolean findsOwnExample(int k) {
        SecretKind kind = kinds.get(k);
        AnchorIndex.Candidates candidates = index.candidates(kind.example());
        Redaction found = new Redaction();
        kind.find(kind.example(), candidates.starts()[k], candidates.contexts()[k], k, found);
        return !found.isEmpty();
    }
}
