package dev.dataopsbot.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor();

    private String redact(String text) {
        return redactor.redact(text).text();
    }

    @Test
    void aws_access_key_ids_are_removed() {
        String out = redact("aws_access_key_id=AKIAIOSFODNN7EXAMPLE region=eu-west-1 and ASIAY34FZKBOKMUTVV7A");
        assertFalse(out.contains("AKIAIOSFODNN7EXAMPLE"), out);
        assertFalse(out.contains("ASIAY34FZKBOKMUTVV7A"), out);
        assertTrue(out.contains("region=eu-west-1"), out);
    }

    @Test
    void secret_pairs_keep_their_key_so_rules_still_see_the_line() {
        String out = redact("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY password: hunter2 \"client_secret\": \"s3cr3t-v4lue\"");
        assertTrue(out.contains("aws_secret_access_key=[REDACTED]"), out);
        assertTrue(out.contains("password: [REDACTED]"), out);
        assertTrue(out.contains("\"client_secret\": \"[REDACTED]"), out);
        assertFalse(out.contains("hunter2") || out.contains("wJalrXUtnFEMI") || out.contains("s3cr3t-v4lue"), out);
    }

    @Test
    void slack_tokens_and_webhooks_are_removed() {
        String out = redact("token xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp posted to https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX and xapp-1-A0-123-abcdef0123");
        assertFalse(out.contains("xoxb-1234567890"), out);
        assertFalse(out.contains("XXXXXXXXXXXXXXXX"), out);
        assertFalse(out.contains("xapp-1-A0"), out);
        assertTrue(out.contains("https://hooks.slack.com/[REDACTED]"), out);
    }

    @Test
    void jwts_and_bearer_tokens_are_removed() {
        String jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJldGwiLCJleHAiOjE3MTY1NjAwMDB9.c2lnbmF0dXJlLWJ5dGVz";
        String out = redact("JWT " + jwt + "\nAuthorization: Bearer abcdef0123456789abcdef");
        assertFalse(out.contains(jwt), out);
        assertFalse(out.contains("abcdef0123456789abcdef"), out);
        assertTrue(out.contains("Bearer [REDACTED]"), out);
    }

    @Test
    void private_key_blocks_are_removed_whole() {
        String out = redact("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7vZ\nq1w2e3r4\n-----END RSA PRIVATE KEY-----\nnext line");
        assertFalse(out.contains("MIIEowIBAAKCAQEA7vZ") || out.contains("q1w2e3r4"), out);
        assertTrue(out.contains("-----BEGIN PRIVATE KEY----- [REDACTED] -----END PRIVATE KEY-----"), out);
        assertTrue(out.contains("next line"), out);
    }

    @Test
    void unterminated_private_key_is_removed_to_the_end() {
        String out = redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B");
        assertFalse(out.contains("MIIEvQIBADANBgkqhkiG9w0B"), out);
    }

    @Test
    void passwords_in_connection_uris_are_removed() {
        String out = redact("could not connect to postgresql://etl_user:Sup3r$ecret@orders-db:5432/orders");
        assertEquals("could not connect to postgresql://etl_user:[REDACTED]@orders-db:5432/orders", out);
    }

    @Test
    void personal_data_is_marked_by_kind() {
        Redactor.Result result = redactor.redact("jane.doe@example.com 123-45-6789 4111 1111 1111 1111 +1-202-555-0143");
        assertEquals("[REDACTED:email] [REDACTED:ssn] [REDACTED:card] [REDACTED:phone]", result.text());
        assertEquals(1, result.counts().get(Redactor.Kind.CARD_NUMBER));
    }

    @Test
    void numbers_that_fail_the_luhn_check_are_not_cards() {
        assertEquals("job 4111111111111112 done", redact("job 4111111111111112 done"));
    }

    @Test
    void ordinary_error_lines_are_left_alone() {
        String line = "snowflake.connector.errors.ProgrammingError: 390114 (08001): None: Authentication token has expired.";
        assertEquals(line, redact(line));
        String airflow = "AWS Connection (conn_id='aws_partner_exports', conn_type='aws') credentials retrieved from login and password.";
        assertEquals(airflow, redact(airflow));
    }

    @Test
    void one_mebibyte_of_adversarial_text_is_redacted_in_linear_time() {
        String[] hostile = {
                "a".repeat(1 << 20),
                "a://".repeat(1 << 18),
                "password=".repeat(116_508),
                "x@".repeat(1 << 19),
                "eyJ.".repeat(1 << 18),
                "-----BEGIN ".repeat(95_325),
                "1-".repeat(1 << 19),
                "postgres://u:" + "p".repeat((1 << 20) - 20),
                "password".repeat(1 << 17),
                "-".repeat(1 << 20),
                "4 ".repeat(1 << 19),
                "4111 ".repeat(209_715),
                "+1 ".repeat(349_525),
                "bearer ".repeat(149_796),
                "AKIA".repeat(1 << 18),
        };
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            for (String text : hostile) {
                redactor.redact(text);
            }
        }, "a redaction regex backtracks catastrophically");
    }
}
