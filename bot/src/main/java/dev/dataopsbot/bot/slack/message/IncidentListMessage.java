package dev.dataopsbot.bot.slack.message;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;

import dev.dataopsbot.knowledge.incident.DurationText;
import dev.dataopsbot.knowledge.incident.Incident;

/**
 * The open incidents, one line each (key, mode, severity, age, status, title), in the order given.
 * Lines are packed into sections of at most 3,000 characters; past {@link #MAX_SHOWN} incidents the
 * message ends with "and N more" rather than growing into a wall.
 */
public final class IncidentListMessage {

    static final int MAX_SHOWN = 50;
    static final int MAX_TITLE_CHARS = 60;

    public SlackMessage render(List<Incident> open, Instant now) {
        BlockText text = new BlockText();
        if (open.isEmpty()) {
            String none = "No open incidents.";
            return new SlackMessage(none, List.of(SectionBlock.builder().text(text.markdown(none, BlockText.MAX_TEXT)).build()));
        }
        String count = open.size() == 1 ? "1 open incident" : open.size() + " open incidents";
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(HeaderBlock.builder().text(text.plain(count, BlockText.MAX_HEADER)).build());
        StringBuilder section = new StringBuilder();
        for (Incident incident : open.subList(0, Math.min(open.size(), MAX_SHOWN))) {
            String line = line(incident, now);
            if (section.length() + 1 + line.length() > BlockText.MAX_TEXT) {
                blocks.add(section(text, section.toString()));
                section.setLength(0);
            }
            section.append(section.isEmpty() ? "" : "\n").append(line);
        }
        blocks.add(section(text, section.toString()));
        if (open.size() > MAX_SHOWN) {
            blocks.add(ContextBlock.builder().elements(List.of(text.markdown("and " + (open.size() - MAX_SHOWN)
                    + " more.", BlockText.MAX_TEXT))).build());
        }
        return new SlackMessage(count, text.fit(blocks));
    }

    private static String line(Incident incident, Instant now) {
        return "*" + incident.key() + "* · " + BlockText.safe(incident.failureMode(), 40) + " · " + incident.severity()
                + " · detected " + DurationText.of(Duration.between(incident.detectedAt(), now)) + " ago · "
                + incident.status().id()
                + " — " + BlockText.safe(incident.title(), MAX_TITLE_CHARS);
    }

    private static SectionBlock section(BlockText text, String mrkdwn) {
        return SectionBlock.builder().text(text.markdown(mrkdwn, BlockText.MAX_TEXT)).build();
    }
}
