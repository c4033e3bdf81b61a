package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class MessageTemplateTest {

    @Test
    void what_varies_between_occurrences_is_masked() {
        assertEquals("failed to upload <path> to <path>: an error occurred (<quoted>) at <time>",
                MessageTemplate.of("Failed to upload /tmp/invoices_2024-05-13.csv.gz to acme-exports/invoices/dt=2024-05-13/x.gz:"
                        + " An error occurred ('ExpiredToken') at 2024-05-14T04:00:08Z"));
        assertEquals("job <n> on <ip> see <url> trace <id> run <run>",
                MessageTemplate.of("Job 918245 on 10.20.3.41:8080 see https://airflow.example.com/log?x=1 trace 9f2c4e1ab77d0c31"
                        + " run scheduled__2024-05-13T04:00:00+00:00"));
        assertEquals("request <id> user <quoted> table <quoted>",
                MessageTemplate.of("Request 01b4a2c3-0604-8e1f-0000-6d1902b4f17e user \"etl_loader\" table `fct_orders`"));
    }

    @Test
    void the_same_message_repeating_has_one_template_and_different_messages_do_not() {
        String a = MessageTemplate.of("[2024-05-14, 04:00:08 UTC] Task failed with exit code 1");
        String b = MessageTemplate.of("[2024-06-01, 11:20:00 UTC] Task failed with exit code 137");
        String chat = MessageTemplate.of("hey, is anyone else seeing the revenue dashboard being stale since this morning?");
        assertEquals("task failed with exit code <n>", a);
        assertEquals(a, b);
        assertNotEquals(a, chat);
    }

    @Test
    void apostrophes_in_prose_are_not_quotes() {
        assertEquals("numbers haven't moved and it isn't loading",
                MessageTemplate.of("numbers haven't moved and it isn't loading"));
    }

    @Test
    void the_headline_is_the_first_line_that_says_what_went_wrong() {
        String log = """
                [2024-05-14, 04:00:06 UTC] {taskinstance.py:2193} INFO - Executing <Task(PythonOperator): upload> on 2024-05-13
                [2024-05-14, 04:00:08 UTC] {taskinstance.py:2731} ERROR - Task failed with exception
                """;
        assertEquals(Optional.of("task failed with exception"), MessageTemplate.headline(log));
        assertEquals(Optional.of("anyone around? the orders dashboard looks off"),
                MessageTemplate.headline("\n  \nanyone around? the orders dashboard looks off\nthanks"));
        assertEquals(Optional.empty(), MessageTemplate.headline("12345 67890\n2024-05-14 04:00:00"));
    }

    @Test
    void templates_are_capped() {
        String template = MessageTemplate.of("error ".repeat(100));
        assertTrue(template.length() <= MessageTemplate.MAX_CHARS, template);
    }
}
