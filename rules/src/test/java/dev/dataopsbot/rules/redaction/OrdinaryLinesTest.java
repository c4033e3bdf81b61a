package dev.dataopsbot.rules.redaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ordinary pipeline log lines survive redaction unchanged, so classification still sees its evidence. */
class OrdinaryLinesTest {

    private static final Redactor REDACTOR = new Redactor();

    static Stream<String> lines() throws IOException {
        try (InputStream in = OrdinaryLinesTest.class.getResourceAsStream("/redaction/ordinary-lines.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("lines")
    void ordinary_line_survives_redaction(String line) {
        Redactor.Result result = REDACTOR.redact(line);
        assertEquals(line, result.text(), "redacted " + result.counts());
    }
}
