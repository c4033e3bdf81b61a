package dev.dataopsbot.rules.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    private static final Redactor REDACTOR = new Redactor();

    private static String redact(String text) {
        return REDACTOR.redact(text).text();
    }

    private static void assertGone(String out, String... secrets) {
        for (String secret : secrets) {
            assertFalse(out.contains(secret), "'" + secret + "' survived in: " + out);
        }
    }

    @Test
    void aws_access_key_ids_are_removed() {
        String out = redact("aws_access_key_id=AKIAIOSFODNN7EXAMPLE region=eu-west-1 and ASIAY34FZKBOKMUTVV7A");
        assertGone(out, "AKIAIOSFODNN7EXAMPLE", "ASIAY34FZKBOKMUTVV7A");
        assertTrue(out.contains("region=eu-west-1"), out);
    }

    @Test
    void secret_pairs_keep_their_key_so_rules_still_see_the_line() {
        String out = redact("aws_secret_access_key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY password: hunter2 \"client_secret\": \"s3cr3t-v4lue\"");
        assertTrue(out.contains("aws_secret_access_key=[REDACTED]"), out);
        assertTrue(out.contains("password: [REDACTED]"), out);
        assertTrue(out.contains("\"client_secret\": \"[REDACTED]"), out);
        assertGone(out, "hunter2", "wJalrXUtnFEMI", "s3cr3t-v4lue");
    }

    @Test
    void slack_tokens_and_webhooks_are_removed() {
        String out = redact("token xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp posted to https://hooks.slack.com/services/T0000/B0000/XXXXXXXXXXXXXXXX and xapp-1-A0-123-abcdef0123");
        assertGone(out, "xoxb-1234567890", "XXXXXXXXXXXXXXXX", "xapp-1-A0");
        assertTrue(out.contains("https://hooks.slack.com/[REDACTED]"), out);
    }

    @Test
    void jwts_and_bearer_tokens_are_removed() {
        String jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJldGwiLCJleHAiOjE3MTY1NjAwMDB9.c2lnbmF0dXJlLWJ5dGVz";
        String out = redact("JWT " + jwt + "\nAuthorization: Bearer abcdef0123456789abcdef");
        assertGone(out, jwt, "abcdef0123456789abcdef");
        assertTrue(out.contains("Bearer [REDACTED]"), out);
    }

    @Test
    void private_key_blocks_are_removed_whole() {
        String out = redact("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7vZ\nq1w2e3r4\n-----END RSA PRIVATE KEY-----\nnext line");
        assertGone(out, "MIIEowIBAAKCAQEA7vZ", "q1w2e3r4");
        assertTrue(out.contains("-----BEGIN PRIVATE KEY----- [REDACTED] -----END PRIVATE KEY-----"), out);
        assertTrue(out.contains("next line"), out);
    }

    @Test
    void unterminated_private_key_is_removed_to_the_end() {
        String out = redact("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B");
        assertGone(out, "MIIEvQIBADANBgkqhkiG9w0B");
    }

    @Test
    void pgp_and_openssh_key_blocks_are_removed_whole() {
        String out = redact("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGZfake\n=abcd\n-----END PGP PRIVATE KEY BLOCK-----\n"
                + "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEfake\n-----END OPENSSH PRIVATE KEY-----\ndone");
        assertGone(out, "lQOYBGZfake", "b3BlbnNzaC1rZXktdjEfake");
        assertTrue(out.endsWith("done"), out);
    }

    @Test
    void passwords_in_connection_uris_are_removed() {
        String out = redact("could not connect to postgresql://etl_user:Sup3r$ecret@orders-db:5432/orders");
        assertEquals("could not connect to postgresql://etl_user:[REDACTED]@orders-db:5432/orders", out);
    }

    @Test
    void a_uri_password_with_an_at_sign_or_without_a_user_is_removed_whole() {
        assertEquals("redis://:[REDACTED]@cache-prod:6379/0", redact("redis://:R3dis@Pass@cache-prod:6379/0"));
        assertEquals("mysql://etl:[REDACTED]@db.example.com/shop", redact("mysql://etl:p@ss@db.example.com/shop"));
    }

    /** The kinds a fault-injection run found stored unredacted (issue 11, item 3). */
    @Test
    void the_secrets_of_the_fault_injection_run_are_removed_with_their_structure_kept() {
        String sas = "sv=2022-11-02&ss=b&srt=co&sp=rl&se=2024-05-02T00:00:00Z&spr=https&sig=Zm9vYmFyRkFLRWJhc2U2NHNpZ25hdHVyZTAxMjM0NQ%3D%3D";
        String accountKey = "Zm9vYmFyRkFLRWJhc2U2NHN0b3JhZ2VrZXkwMTIzNDU2Nzg5Zm9vYmFyRkFLRWJhc2U2NHN0b3JhZ2VrZXkwMTIzNA==";
        String text = String.join("\n",
                "GET https://acmelake.blob.core.windows.net/raw/orders.csv?" + sas + " 403",
                "DefaultEndpointsProtocol=https;AccountName=acmelake;AccountKey=" + accountKey + ";EndpointSuffix=core.windows.net",
                "stripe.error.AuthenticationError: Invalid API Key provided: sk_live_51FAKEexample0123456789abcdefghijklmnopqrstuv",
                "restricted key rk_live_51FAKEexample0123456789abcdefghijklmnopqrstuv has no access",
                "GET https://api.datadoghq.com/api/v1/monitor?api_key=0123456789abcdef0123456789abcdef&app_key=0123456789abcdef0123456789abcdef01234567",
                "databricks token dapi0123456789abcdef0123456789abcdef rejected",
                "push with ghp_EXAMPLEfake0123456789DoNotUseXyZEXAM and gho_EXAMPLEfake0123456789DoNotUseXyZEXAM failed",
                "clone with glpat-EXAMPLEfake012345678 failed",
                "maps key AIzaSyEXAMPLEfake0123456789DoNotUseXyZE rejected",
                "sendgrid SG.EXAMPLEfake0123456789D.EXAMPLEfake0123456789DoNotUseXyZEXAMPLEfake rejected",
                "+ pg_dump --password Dump-Pass-2024 orders",
                "+ mysql -h db -u root -pMy5ql-Root-Pw shop");
        String out = redact(text);
        assertGone(out, "Zm9vYmFyRkFLRWJhc2U2NHNpZ25hdHVyZTAxMjM0NQ", accountKey, "sk_live_51FAKE", "rk_live_51FAKE",
                "0123456789abcdef0123456789abcdef01234567", "dapi0123", "ghp_EXAMPLE", "gho_EXAMPLE", "glpat-EXAMPLE",
                "AIzaSyEXAMPLE", "SG.EXAMPLE", "Dump-Pass-2024", "My5ql-Root-Pw");
        assertTrue(out.contains("&sig=[REDACTED]"), out);
        assertTrue(out.contains("AccountKey=[REDACTED];EndpointSuffix=core.windows.net"), out);
        assertTrue(out.contains("app_key=[REDACTED]"), out);
        assertTrue(out.contains("--password [REDACTED] orders"), out);
        assertTrue(out.contains("-u root -p[REDACTED] shop"), out);
    }

    @Test
    void cli_password_flags_keep_the_command() {
        assertEquals("psql --host db --password=[REDACTED] -c 'select 1'", redact("psql --host db --password=Pg-Pass-77 -c 'select 1'"));
        assertEquals("+ PGPASSWORD=[REDACTED] psql -h db", redact("+ PGPASSWORD=Pg-Env-7 psql -h db"));
        assertEquals("sshpass -p [REDACTED] ssh etl-box", redact("sshpass -p 'Sftp Pass 1' ssh etl-box"));
        assertEquals("dbt-cloud job run --token [REDACTED] --job-id 7", redact("dbt-cloud job run --token Xk29fLq8Zr7Wm --job-id 7"));
    }

    @Test
    void connection_strings_lose_only_the_password() {
        assertEquals("Server=tcp:sql,1433;Database=orders;Uid=etl;Pwd=[REDACTED];Encrypt=yes",
                redact("Server=tcp:sql,1433;Database=orders;Uid=etl;Pwd={Spring 2024;rotate!};Encrypt=yes"));
        assertEquals("jdbc:sqlserver://sql:1433;databaseName=orders;user=etl;password=[REDACTED];encrypt=true",
                redact("jdbc:sqlserver://sql:1433;databaseName=orders;user=etl;password=Wint3r-Is-Coming!;encrypt=true"));
        assertEquals("sqlplus -s etl/[REDACTED]@//ora:1521/ORCL", redact("sqlplus -s etl/Tiger-42@//ora:1521/ORCL"));
    }

    @Test
    void a_value_after_a_weak_key_name_is_removed_only_when_it_looks_random() {
        assertEquals("write_key=[REDACTED] done", redact("write_key=Qm9vdHN0cmFwLXdyaXRlLWtleS0xMjM0NTY3 done"));
        assertEquals("key=order-1042 offset=4410288", redact("key=order-1042 offset=4410288"));
        assertEquals("cache_key=daily_orders_2024_05_01", redact("cache_key=daily_orders_2024_05_01"));
        assertEquals("key=3f2a9c1e-7b4d-4e8f-9a1b-2c3d4e5f6a7b", redact("key=3f2a9c1e-7b4d-4e8f-9a1b-2c3d4e5f6a7b"));
    }

    @Test
    void counts_are_by_kind_id_and_a_secret_two_kinds_see_is_counted_once() {
        Redactor.Result result = REDACTOR.redact("GITHUB_TOKEN=ghp_EXAMPLEfake0123456789DoNotUseXyZEXAM and password=hunter2");
        assertEquals(Map.of("github_pat", 1, "secret_pair", 1), result.counts());
        assertEquals("GITHUB_TOKEN=[REDACTED] and password=[REDACTED]", result.text());
    }

    @Test
    void personal_data_is_marked_by_kind() {
        Redactor.Result result = REDACTOR.redact("jane.doe@example.com 123-45-6789 4111 1111 1111 1111 +1-202-555-0143 DE89 3704 0044 0532 0130 00");
        assertEquals("[REDACTED:email] [REDACTED:ssn] [REDACTED:card] [REDACTED:phone] [REDACTED:iban]", result.text());
        assertEquals(Map.of("email", 1, "ssn", 1, "card_number", 1, "phone", 1, "iban", 1), result.counts());
    }

    @Test
    void numbers_that_fail_the_luhn_check_are_not_cards() {
        assertEquals("job 4111111111111112 done", redact("job 4111111111111112 done"));
        assertEquals("order 5500 0000 0000 0005 shipped", redact("order 5500 0000 0000 0005 shipped"));
    }

    @Test
    void ibans_must_pass_mod_97_and_have_their_country_length() {
        assertEquals("payout to [REDACTED:iban] failed", redact("payout to GB82WEST12345698765432 failed"));
        assertEquals("payout to [REDACTED:iban] failed", redact("payout to NL91 ABNA 0417 1643 00 failed"));
        assertEquals("payout to GB82WEST12345698765433 failed", redact("payout to GB82WEST12345698765433 failed"));
        assertEquals("payout to DE89370400440532013001 failed", redact("payout to DE89370400440532013001 failed"));
        assertEquals("batch DE8937040044 loaded", redact("batch DE8937040044 loaded"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+44 20 7946 0958", "+1-202-555-0143", "+14155550143", "(202) 555-0143", "202-555-0143", "202.555.0143"})
    void phone_numbers_in_international_and_us_forms_are_marked(String phone) {
        assertEquals("call [REDACTED:phone] now", redact("call " + phone + " now"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-12-3456", "123-00-4567", "123-45-0000"})
    void numbers_with_an_all_zero_part_are_not_ssns(String number) {
        assertEquals("id " + number, redact("id " + number));
    }

    @Test
    void taxpayer_ids_of_the_ssn_shape_are_marked_too() {
        assertEquals("itin [REDACTED:ssn]", redact("itin 912-71-3456"));
    }

    @Test
    void postgres_uri_hosts_are_not_taken_for_email_addresses() {
        assertEquals("postgres://etl:[REDACTED]@db.example.com:5432/orders", redact("postgres://etl:pw123@db.example.com:5432/orders"));
    }

    @Test
    void ordinary_error_lines_are_left_alone() {
        String line = "snowflake.connector.errors.ProgrammingError: 390114 (08001): None: Authentication token has expired.";
        assertEquals(line, redact(line));
        String airflow = "AWS Connection (conn_id='aws_partner_exports', conn_type='aws') credentials retrieved from login and password.";
        assertEquals(airflow, redact(airflow));
    }

    @Test
    void text_already_redacted_is_left_as_it_is() {
        List<String> lines = List.of("password=[REDACTED] user=etl", "https://hooks.slack.com/[REDACTED]",
                "-----BEGIN PRIVATE KEY----- [REDACTED] -----END PRIVATE KEY----- next", "[REDACTED:email] and [REDACTED:iban]");
        for (String line : lines) {
            assertEquals(line, redact(line));
        }
    }
}
