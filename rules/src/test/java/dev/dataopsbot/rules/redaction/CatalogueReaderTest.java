package dev.dataopsbot.rules.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

/** A catalogue edit that breaks a kind fails at load time, naming the file and line. */
class CatalogueReaderTest {

    private static final String GOOD = """
            # a comment
            kind: demo_token
            family: saas
            what: Demo token
            anchors: demo_
            regex: \\bdemo_[a-f0-9]{32}\\b
            secret: 0
            source: https://example.com/docs/tokens
            example: login failed with demo_0123456789abcdef0123456789abcdef
            """;

    private static String problem(String catalogue) {
        return assertThrows(CatalogueException.class,
                () -> SecretCatalogue.read("extra.txt", new StringReader(catalogue))).getMessage();
    }

    @Test
    void a_valid_catalogue_loads_and_redacts() {
        SecretCatalogue catalogue = SecretCatalogue.read("extra.txt", new StringReader(GOOD));
        assertEquals("login failed with [REDACTED]",
                new Redactor(catalogue).redact("login failed with demo_0123456789abcdef0123456789abcdef").text());
    }

    @Test
    void a_regex_that_does_not_compile_is_named_with_its_line() {
        assertEquals("extra.txt:6: regex does not compile: Illegal/unsupported escape sequence near index 19",
                problem(GOOD.replace("[a-f0-9]{32}\\b", "[a-f0-9{32}\\b")));
    }

    @Test
    void a_regex_with_unbounded_repetition_is_refused() {
        assertEquals("extra.txt:6: regex repeats without bound at index 15 ('*', '+' or '{n,}'); use {m,n} so that hostile "
                + "input costs linear time", problem(GOOD.replace("[a-f0-9]{32}", "[a-f0-9]+")));
        assertEquals(-1, CatalogueReader.unboundedRepetition("[a-z*+]{1,5}+x?+\\*\\+(?:ab){0,3}"));
        assertEquals(1, CatalogueReader.unboundedRepetition("a*"));
        assertEquals(1, CatalogueReader.unboundedRepetition("a{3,}"));
        assertEquals(4, CatalogueReader.unboundedRepetition("(ab)+"));
    }

    @Test
    void a_missing_field_names_the_kind_and_its_line() {
        assertEquals("extra.txt:2: kind 'demo_token' has no 'regex'", problem(GOOD.replaceAll("regex: .*\n", "")));
    }

    @Test
    void an_unknown_field_lists_the_known_ones() {
        assertEquals("extra.txt:8: unknown field 'sourse' (known: kind, family, what, anchors, after, regex, secret, check, "
                + "unless, until, mark, source, example)", problem(GOOD.replace("source:", "sourse:")));
    }

    @Test
    void an_unknown_family_lists_the_known_ones() {
        assertEquals("extra.txt:3: unknown family 'sass' (known: cloud, vcs, ci, chat, payment, saas, private_key, connection, "
                + "cli, generic)", problem(GOOD.replace("family: saas", "family: sass")));
    }

    @Test
    void a_secret_group_the_regex_does_not_have_is_refused() {
        assertEquals("extra.txt:7: secret group 2 does not exist: the regex has 0 group(s)",
                problem(GOOD.replace("secret: 0", "secret: 2")));
    }

    @Test
    void an_example_the_regex_does_not_match_is_refused() {
        assertEquals("extra.txt:9: the example has no match of the regex of kind 'demo_token'",
                problem(GOOD.replace("demo_0123456789abcdef", "demo_0123")));
    }

    @Test
    void an_example_the_anchors_cannot_reach_is_refused() {
        assertEquals("extra.txt:5: kind 'demo_token': its example's match does not start at an anchor (temo_) or its secret "
                + "fails the check", problem(GOOD.replace("anchors: demo_", "anchors: temo_")));
    }

    @Test
    void unless_words_need_a_key_group() {
        assertEquals("extra.txt:8: 'unless' needs a group named 'key' in the regex holding the key name, e.g. "
                + "(?<key>password[a-z_]{0,20})", problem(GOOD.replace("source:", "unless: name\nsource:")));
        String keyed = GOOD.replace("regex: \\bdemo_", "regex: (?<key>\\bdemo_)").replace("secret: 0", "secret: 0")
                .replace("source:", "unless: demo_\nsource:");
        assertEquals("extra.txt:5: kind 'demo_token': its example's match does not start at an anchor (demo_) or its "
                + "secret fails the check", problem(keyed));
    }

    @Test
    void a_kind_with_after_words_finds_its_example_only_after_one_of_them() {
        String flag = GOOD.replace("anchors: demo_", "anchors: demo_\nafter: dbt-cloud");
        assertEquals("extra.txt:5: kind 'demo_token': its example's match does not start at an anchor (demo_), follow an "
                + "'after' word on its line, or its secret fails the check", problem(flag));
        SecretCatalogue catalogue = SecretCatalogue.read("extra.txt", new StringReader(
                flag.replace("example: login failed", "example: dbt-cloud login failed")));
        Redactor redactor = new Redactor(catalogue);
        String token = "demo_0123456789abcdef0123456789abcdef";
        assertEquals("dbt-cloud run --token [REDACTED]", redactor.redact("dbt-cloud run --token " + token).text());
        assertEquals("echo " + token, redactor.redact("echo " + token).text());
        assertEquals("dbt-cloud run | echo " + token, redactor.redact("dbt-cloud run | echo " + token).text());
    }

    @Test
    void a_duplicate_kind_names_both_lines() {
        assertEquals("extra.txt:11: kind 'demo_token' is defined twice (first at line 2)", problem(GOOD + "\n" + GOOD.substring(GOOD.indexOf("kind:"))));
    }

    @Test
    void a_field_before_the_first_kind_and_a_bad_line_are_named() {
        assertEquals("extra.txt:1: 'family' before the first 'kind:'", problem("family: saas\n" + GOOD));
        assertEquals("extra.txt:4: expected 'field: value', got 'this is not a field'",
                problem(GOOD.replace("family: saas", "family: saas\nthis is not a field")));
    }

    @Test
    void bad_anchors_checks_and_sources_are_named() {
        assertEquals("extra.txt:5: anchor 'd' is shorter than 2 characters", problem(GOOD.replace("anchors: demo_", "anchors: d")));
        assertEquals("extra.txt:9: unknown check 'random' (known: none, high-entropy, not-a-word)",
                problem(GOOD.replace("example:", "check: random\nexample:")));
        assertEquals("extra.txt:8: source must be one https:// URL, got 'the vendor docs'",
                problem(GOOD.replace("https://example.com/docs/tokens", "the vendor docs")));
        assertEquals("extra.txt:2: kind id 'Demo-Token' must be lower_snake_case (a-z, 0-9, _)",
                problem(GOOD.replace("kind: demo_token", "kind: Demo-Token")));
    }
}
