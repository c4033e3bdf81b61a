package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;

/**
 * Compares rendered Block Kit with pretty-printed golden JSON under {@code src/test/resources/slack/}.
 * To accept a changed rendering, regenerate the files and review the diff before committing:
 * {@code mvn -B -o test -pl bot -Dtest='dev.dataopsbot.bot.slack.message.*Test' -Dgolden.update=true}
 */
final class GoldenFiles {

    static final Path FOLDER = Path.of("src", "test", "resources", "slack");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final Gson PRETTY = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private GoldenFiles() {
    }

    /** The message as Slack receives it: {@code {"text": ..., "blocks": [...]}}. */
    static void assertMatches(String name, SlackMessage message) throws IOException {
        JsonObject json = new JsonObject();
        json.addProperty("text", message.text());
        json.add("blocks", JsonParser.parseString(message.blocksJson()));
        assertMatches(name, json);
    }

    /** The view as {@code views.open} receives it. */
    static void assertMatches(String name, View view) throws IOException {
        assertMatches(name, JsonParser.parseString(GsonFactory.createSnakeCase().toJson(view)));
    }

    private static void assertMatches(String name, JsonElement json) throws IOException {
        String actual = PRETTY.toJson(json) + "\n";
        Path file = FOLDER.resolve(name);
        if (UPDATE) {
            Files.createDirectories(FOLDER);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(file)) {
            fail("golden file " + file.toAbsolutePath() + " is missing; create it with -Dgolden.update=true");
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                "rendering differs from " + file + "; if the change is intended, regenerate with -Dgolden.update=true");
    }
}
