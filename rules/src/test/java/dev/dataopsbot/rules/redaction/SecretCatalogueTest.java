package dev.dataopsbot.rules.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The bundled catalogue: every kind removes its own example, and the catalogue covers what secret scanners ship. */
class SecretCatalogueTest {

    private static final SecretCatalogue CATALOGUE = SecretCatalogue.bundled();
    private static final Redactor REDACTOR = new Redactor(CATALOGUE);

    static Stream<SecretKind> kinds() {
        return CATALOGUE.kinds().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void each_kind_removes_the_secret_of_its_example_and_counts_it(SecretKind kind) {
        String secret = kind.secretIn(kind.example());
        assertNotNull(secret, kind.id() + ": its regex finds nothing in its example");
        assertTrue(secret.length() >= 4, kind.id() + ": the secret part is too short to test: " + secret);
        Redactor.Result result = REDACTOR.redact(kind.example());
        assertFalse(result.text().contains(secret), kind.id() + ": the secret survived in: " + result.text());
        assertTrue(result.text().contains("[REDACTED"), result.text());
        assertTrue(result.counts().containsKey(kind.id()),
                kind.id() + " is not counted (a kind listed earlier claims its example?): " + result.counts());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void each_kind_names_where_its_format_comes_from(SecretKind kind) {
        assertTrue(kind.source().startsWith("https://"), kind.source());
        assertTrue(CatalogueReader.FAMILIES.contains(kind.family()), kind.family());
        assertFalse(kind.what().isBlank());
    }

    @Test
    void the_catalogue_covers_about_a_hundred_kinds_across_every_family() {
        Map<String, Long> byFamily = CATALOGUE.kinds().stream()
                .collect(Collectors.groupingBy(SecretKind::family, TreeMap::new, Collectors.counting()));
        assertTrue(CATALOGUE.kinds().size() >= 100, "only " + CATALOGUE.kinds().size() + " kinds: " + byFamily);
        assertEquals(Set.copyOf(CatalogueReader.FAMILIES), byFamily.keySet());
    }

    @Test
    void the_kinds_of_the_earlier_redactor_keep_their_json_ids() {
        Set<String> ids = CATALOGUE.kinds().stream().map(SecretKind::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("private_key", "slack_webhook", "slack_token", "jwt", "bearer_token",
                "aws_access_key", "uri_password", "secret_pair")), ids.toString());
    }

    /** docs/redaction.md is the coverage table users read; it must list every kind the code has. */
    @Test
    void every_kind_is_in_the_coverage_table() throws IOException {
        Path doc = Path.of("..", "docs", "redaction.md");
        String table = Files.readString(doc);
        for (SecretKind kind : CATALOGUE.kinds()) {
            assertTrue(table.contains("| `" + kind.id() + "` |"), kind.id() + " is missing from " + doc);
        }
        for (String id : new PersonalData().ids()) {
            assertTrue(table.contains("| `" + id + "` |"), id + " is missing from " + doc);
        }
        assertTrue(table.contains(CATALOGUE.kinds().size() + " kinds of secret"), "the count in " + doc + " is stale");
    }
}
