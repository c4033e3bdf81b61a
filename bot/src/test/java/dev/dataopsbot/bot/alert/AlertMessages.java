package dev.dataopsbot.bot.alert;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The recorded message events under {@code src/test/resources/alert-messages/}. */
final class AlertMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AlertMessages() {
    }

    /** The event in {@code alert-messages/NAME.json}. */
    static JsonNode event(String name) {
        String path = "/alert-messages/" + name + ".json";
        try (InputStream in = AlertMessages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    static ChannelMessage message(String name) {
        return ChannelMessage.fromEvent(event(name));
    }

    /** A message as an integration posts it through an incoming webhook. */
    static ChannelMessage fromIntegration(String text) {
        return new ChannelMessage("C1", "1.0", null, null, "B1", "bot_message", "hook", text, null, null);
    }

    /** A message a person wrote. */
    static ChannelMessage fromPerson(String text) {
        return new ChannelMessage("C1", "1.0", null, "U1", null, null, null, text, null, null);
    }
}
