package dev.dataopsbot.rules.redaction;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Redaction runs on every alert, up to 1 MiB, on the hot path: hostile input must cost linear
 * time. Inputs repeat each anchor of the catalogue (every kind's regex is tried at every
 * repetition) and follow anchors with long runs of the characters secrets are made of.
 */
class HostileInputTest {

    private static final int MIB = 1 << 20;
    private static final Redactor REDACTOR = new Redactor();

    private static String fill(String unit) {
        return unit.repeat(MIB / unit.length());
    }

    @Test
    void one_mebibyte_of_adversarial_text_is_redacted_in_linear_time() {
        List<String> hostile = new ArrayList<>(List.of(
                fill("a"), fill("a://"), fill("password="), fill("x@"), fill("eyJ."), fill("-----BEGIN "),
                fill("-----BEGIN PRIVATE KEY-----"), fill("1-"), "postgres://u:" + "p".repeat(MIB - 20), fill("password"),
                fill("-"), fill("4 "), fill("4111 "), fill("+1 "), fill("bearer "), fill("AKIA"), fill("="), fill("key="),
                fill("sig="), fill("&sig=A"), fill("AccountKey="), fill("--password "), fill(" -p"), fill("mysql -p"),
                fill(" --token="), fill(":AA"), fill("1234567890:AA"), fill("-us"), fill(".atlasv1."), fill("0Q~"),
                fill("AZDO"), fill("PuTTY-User-Key-File-2: ssh-rsa\n"), fill(";password="), fill("jdbc:x:"),
                fill("curl -u "), fill("sqlplus a/"), fill("Authorization: Token token="), fill("DE89 "), fill("(202) "),
                fill("202-"), fill("GB82"), "sig=" + "A".repeat(MIB - 4), "key=" + "Ab1".repeat(MIB / 3 - 2),
                "x".repeat(MIB / 2) + "=".repeat(MIB / 2)));
        StringBuilder base64ish = new StringBuilder();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; base64ish.length() < MIB; i++) {
            base64ish.append(alphabet.charAt((i * 7 + i / 64) % alphabet.length()));
        }
        hostile.add(base64ish.toString());
        StringBuilder anchors = new StringBuilder();
        StringBuilder anchorsAndRuns = new StringBuilder();
        while (anchors.length() < MIB) {
            for (SecretKind kind : REDACTOR.catalogue().kinds()) {
                for (String literal : kind.anchorLiterals()) {
                    anchors.append(literal).append(literal.length() % 2 == 0 ? "=" : " ");
                    anchorsAndRuns.append(literal).append('=').append(base64ish, 0, 600).append(' ');
                }
            }
        }
        hostile.add(anchors.substring(0, MIB));
        hostile.add(anchorsAndRuns.substring(0, Math.min(MIB, anchorsAndRuns.length())));
        long[] slowest = {0};
        String[] slowestInput = {""};
        long start = System.nanoTime();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String text : hostile) {
                long t = System.nanoTime();
                REDACTOR.redact(text);
                long ns = System.nanoTime() - t;
                if (ns > slowest[0]) {
                    slowest[0] = ns;
                    slowestInput[0] = text.substring(0, 30);
                }
            }
        }, "a redaction regex backtracks catastrophically");
        System.out.printf("[redaction] %d hostile 1 MiB inputs in %d ms; slowest %d ms (input starting '%s')%n",
                hostile.size(), (System.nanoTime() - start) / 1_000_000, slowest[0] / 1_000_000,
                slowestInput[0].replace("\n", " "));
    }
}
