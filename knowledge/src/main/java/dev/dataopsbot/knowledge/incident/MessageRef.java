package dev.dataopsbot.knowledge.incident;

import java.util.Objects;

/** A Slack message: its channel id and its {@code ts}, which together identify it for {@code chat.update}. */
public record MessageRef(String channel, String ts) {

    public MessageRef {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(ts, "ts");
    }
}
