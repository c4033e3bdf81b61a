package dev.dataopsbot.rules.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class BoundedInputTest {

    @Test
    void small_input_is_read_whole() throws IOException {
        assertEquals("hello", new BoundedInput().read(new ByteArrayInputStream("hello".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void five_mebibytes_keep_the_first_and_last_half_mebibyte() throws IOException {
        byte[] input = new byte[5 << 20];
        java.util.Arrays.fill(input, (byte) 'm');
        byte[] head = "FIRST LINE\n".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\nLAST LINE".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, input, 0, head.length);
        System.arraycopy(tail, 0, input, input.length - tail.length, tail.length);
        String text = new BoundedInput().read(new ByteArrayInputStream(input));
        assertTrue(text.startsWith("FIRST LINE"));
        assertTrue(text.endsWith("LAST LINE"));
        assertTrue(text.contains("bytes cut by dataops-bot"));
        assertTrue(text.length() <= InputLimits.MAX_CHARS + 200, "length " + text.length());
        String marker = text.lines().filter(l -> l.contains("cut by dataops-bot")).findFirst().orElseThrow();
        assertEquals(java.util.OptionalLong.of(0), InputLimits.linesCut(marker), "no line break was in the middle: " + marker);
        assertEquals(text, new TextNormalizer().normalize(text), "a text cut once is not cut again");
    }

    @Test
    void a_word_the_cut_would_split_is_dropped() throws IOException {
        BoundedInput small = new BoundedInput(40);
        String text = small.read(new ByteArrayInputStream("head glpat-EXAMPLEfake012 middle part glpat-EXAMPLEfake345 tail"
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(text.startsWith("head ") && text.endsWith(" tail"), text);
        assertFalse(text.contains("glpat-"), text);
    }

    @Test
    void invalid_utf8_and_binary_bytes_are_replaced() throws IOException {
        byte[] input = {'o', 'k', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, ' ', 'e', 'n', 'd'};
        String text = new BoundedInput().read(new ByteArrayInputStream(input));
        assertTrue(text.startsWith("ok") && text.endsWith(" end"), text);
        assertTrue(text.contains("\uFFFD"), text);
    }

    @Test
    void input_just_over_half_the_cap_is_kept_whole() throws IOException {
        BoundedInput small = new BoundedInput(10);
        assertEquals("0123456789", small.read(new ByteArrayInputStream("0123456789".getBytes(StandardCharsets.UTF_8))));
        String cut = small.read(new ByteArrayInputStream("0123 5678 ABCDE".getBytes(StandardCharsets.UTF_8)));
        assertTrue(cut.startsWith("0123 ") && cut.endsWith("ABCDE") && cut.contains("5 bytes cut"), cut);
    }
}
