package dev.dataopsbot.rules.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.dataopsbot.rules.CodeMatch;
import dev.dataopsbot.rules.LogLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeScannerTest {

    private static final String HEADER = """
            # catalogue: %s
            # title: test list
            # system: generic
            # source: https://example.com/list
            # licence: CC0
            # match: %s
            """;

    @TempDir
    Path dir;

    private CodeScanner scanner(String name, String kind, String extraHeader, String entries) throws IOException {
        Files.writeString(dir.resolve(name + ".tsv"), HEADER.formatted(name, kind) + extraHeader + entries);
        Catalogues catalogues = Catalogues.fromFolder(dir);
        assertEquals(List.of(), catalogues.problems());
        return new CodeScanner(catalogues);
    }

    private static List<String> codes(CodeScanner scanner, String line) {
        return scanner.scan(new LogLine(3, line)).stream().map(CodeMatch::code).toList();
    }

    @Test
    void token_codes_are_found_whole_and_by_the_last_segment_of_a_qualified_name() throws IOException {
        CodeScanner scanner = scanner("java", "token", "", """
                SocketTimeoutException\tdependency_unavailable\tyes\t0.6\tread timed out
                NOT_LEADER_OR_FOLLOWER\tdependency_unavailable\tyes\t0.7\tleader moved
                """);
        assertEquals(List.of("SocketTimeoutException"),
                codes(scanner, "Caused by: java.net.SocketTimeoutException: Read timed out"));
        assertEquals(List.of("NOT_LEADER_OR_FOLLOWER"), codes(scanner, "error=NOT_LEADER_OR_FOLLOWER for topic-0"));
        assertEquals(List.of(), codes(scanner, "MySocketTimeoutExceptionHandler started"));
        assertEquals(List.of(), codes(scanner, "sockettimeoutexception"), "matching is case-sensitive");
    }

    @Test
    void plain_word_codes_count_only_where_the_context_says_so() throws IOException {
        CodeScanner scanner = scanner("grpc", "token", "# context: grpc|status ?code\n", """
                UNAVAILABLE\tdependency_unavailable\tyes\t0.6\tservice unavailable
                """);
        assertEquals(List.of("UNAVAILABLE"), codes(scanner, "io.grpc.StatusRuntimeException: UNAVAILABLE: io exception"));
        assertEquals(List.of(), codes(scanner, "the dashboard is UNAVAILABLE today"));
    }

    @Test
    void pattern_codes_prefer_the_exact_entry_to_the_class() throws IOException {
        CodeScanner scanner = scanner("pg", "pattern", "# pattern: (?i)sqlstate\\W{0,3}([0-9A-Z]{5})\n", """
                08*\tdependency_unavailable\tyes\t0.6\tconnection exception
                08P01\tcode_defect\t-\t0.5\tprotocol violation
                57014\ttimeout\tafter_fix\t0.8\tquery_canceled
                """);
        assertEquals(List.of("08*"), codes(scanner, "ERROR: connection failure (SQLSTATE 08006)"));
        assertEquals(List.of("08P01"), codes(scanner, "SQLSTATE: 08P01"));
        assertEquals(List.of("57014"), codes(scanner, "canceling statement due to statement timeout (SQLSTATE 57014)"));
        assertEquals(List.of(), codes(scanner, "loaded 57014 rows"));
    }

    @Test
    void unseen_error_names_are_read_from_their_words() throws IOException {
        CodeScanner scanner = scanner("words", "words", "", """
                concurrent exceeded\trate_limit\tyes\t0.6\ttoo many concurrent runs
                commit error\tlock_contention\tyes\t0.45\tcommit conflict
                timeout\ttimeout\tafter_fix\t0.4\ttimeout
                """);
        assertEquals(List.of("concurrent exceeded"),
                codes(scanner, "An error occurred (ConcurrentRunsExceededException) when calling StartJobRun"));
        assertEquals(List.of("commit error"), codes(scanner, "Query failed: ICEBERG_COMMIT_ERROR: Failed to commit"));
        assertEquals(List.of(), codes(scanner, "execution_timeout=3600 task_timeout set"), "settings are not error names");
    }

    @Test
    void bad_entries_are_reported_with_file_and_line_and_the_rest_loads() throws IOException {
        Files.writeString(dir.resolve("mixed.tsv"), HEADER.formatted("mixed", "token") + """
                GoodException\ttimeout\tyes\t0.7\tfine
                BadModeException\tsleepy\tyes\t0.7\tno such mode
                HeavyException\ttimeout\tyes\t1.5\ttoo heavy
                GoodException\ttimeout\tyes\t0.7\ttwice
                ShortLine\ttimeout
                """);
        Catalogues catalogues = Catalogues.fromFolder(dir);
        List<String> problems = catalogues.problems().stream().map(Object::toString).toList();
        String file = dir.resolve("mixed.tsv").toString();
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(file + ":8: unknown failure mode 'sleepy'"), problems.get(0));
        assertTrue(problems.get(1).startsWith(file + ":9: weight 1.5"), problems.get(1));
        assertTrue(problems.get(2).startsWith(file + ":10: code 'GoodException' is listed twice"), problems.get(2));
        assertTrue(problems.get(3).startsWith(file + ":11: expected 5 tab-separated columns"), problems.get(3));
        assertEquals(1, catalogues.entryCount());
    }

    @Test
    void an_optional_sixth_column_gives_the_reason_for_the_retry_advice() throws IOException {
        CodeScanner scanner = scanner("login", "token", "", """
                WrongPasswordException\tcredential_expiry\tno\t0.8\tpassword rejected\trepeated failed logins can lock the account
                SlowException\ttimeout\t-\t0.5\tslow
                """);
        List<CodeMatch> found = scanner.scan(new LogLine(3, "WrongPasswordException: login for etl refused, then SlowException"));
        CodeMatch login = found.stream().filter(m -> m.code().equals("WrongPasswordException")).findFirst().orElseThrow();
        CodeMatch slow = found.stream().filter(m -> m.code().equals("SlowException")).findFirst().orElseThrow();
        assertEquals("repeated failed logins can lock the account", login.retryReason());
        assertEquals("", slow.retryReason(), "five columns stay valid: no reason");
    }

    @Test
    void a_bad_retry_reason_is_reported_with_file_and_line() throws IOException {
        Files.writeString(dir.resolve("reasons.tsv"), HEADER.formatted("reasons", "token") + """
                GoodException\tcredential_expiry\tno\t0.8\tfine\trepeated failed logins can lock the account
                EmptyReasonException\tcredential_expiry\tno\t0.8\tsix columns, the last empty\t
                DefaultException\ttimeout\t-\t0.5\ta reason beside the mode's default\tbecause
                TooManyException\ttimeout\tyes\t0.5\tseven columns\ta reason\tand more
                """);
        Catalogues catalogues = Catalogues.fromFolder(dir);
        List<String> problems = catalogues.problems().stream().map(Object::toString).toList();
        String file = dir.resolve("reasons.tsv").toString();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(file + ":8: the sixth column (retry reason) is empty"), problems.get(0));
        assertTrue(problems.get(1).startsWith(file + ":9: a retry reason needs retry yes, no or after_fix, not '-'"), problems.get(1));
        assertTrue(problems.get(2).startsWith(file + ":10: expected 5 tab-separated columns"), problems.get(2));
        assertEquals(1, catalogues.entryCount());
    }

    @Test
    void a_catalogue_without_its_source_is_refused() throws IOException {
        Files.writeString(dir.resolve("anon.tsv"), "# catalogue: anon\n# match: token\nXException\ttimeout\tyes\t0.5\tx\n");
        Catalogues catalogues = Catalogues.fromFolder(dir);
        assertTrue(catalogues.all().isEmpty());
        assertTrue(catalogues.problems().get(0).toString().contains("anon.tsv:1: header lacks '# title:'"),
                catalogues.problems().toString());
    }

    @Test
    void the_bundled_catalogues_load_without_problems() {
        Catalogues bundled = Catalogues.bundled();
        assertEquals(List.of(), bundled.problems());
        assertFalse(bundled.all().isEmpty());
    }
}
