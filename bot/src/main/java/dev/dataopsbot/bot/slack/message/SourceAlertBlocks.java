package dev.dataopsbot.bot.slack.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;

import dev.dataopsbot.knowledge.incident.SourceAlert;

/**
 * The alert as its source described it, the part of the triage message on-call reads first: its
 * name, summary and description; the labels that identify what fires; and its links (runbook,
 * dashboard, query, silence, log, run). Everything is escaped; links are {@link SafeLink}s.
 */
final class SourceAlertBlocks {

    static final int MAX_NAME = 150;
    static final int MAX_SUMMARY = 500;
    static final int MAX_DESCRIPTION = 700;
    static final int MAX_LABEL_VALUE = 100;

    private SourceAlertBlocks() {
    }

    /**
     * Up to three blocks: the alert, its labels, its links; none for a missing or empty alert.
     *
     * @param withholdText true to leave out the summary and description (a {@code pii_exposure}
     *                     incident: they may describe the personal data)
     */
    static List<LayoutBlock> of(SourceAlert alert, BlockText text, boolean withholdText) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (alert == null) {
            return blocks;
        }
        List<String> lines = new ArrayList<>();
        if (!alert.name().isBlank()) {
            lines.add("*" + BlockText.safe(alert.name(), MAX_NAME) + "*");
        }
        if (!withholdText && !alert.summary().isBlank()) {
            lines.add(BlockText.safe(alert.summary(), MAX_SUMMARY));
        }
        if (!withholdText && !alert.description().isBlank() && !alert.description().strip().equals(alert.summary().strip())) {
            lines.add(BlockText.safe(alert.description(), MAX_DESCRIPTION));
        }
        if (!lines.isEmpty()) {
            blocks.add(SectionBlock.builder().text(text.markdown(String.join("\n", lines), BlockText.MAX_TEXT)).build());
        }
        if (!alert.labels().isEmpty()) {
            List<String> labels = alert.labels().stream()
                    .map(l -> Code.inline(BlockText.shorten(l.name() + "=" + l.value(), MAX_LABEL_VALUE))).toList();
            blocks.add(ContextBlock.builder().elements(List.of(text.markdown(String.join(" ", labels), BlockText.MAX_TEXT)))
                    .build());
        }
        List<String> links = alert.links().stream().map(l -> SafeLink.mrkdwn(l.label(), l.url()))
                .flatMap(Optional::stream).toList();
        if (!links.isEmpty()) {
            blocks.add(SectionBlock.builder().text(text.markdown("*Links* " + String.join(" · ", links), BlockText.MAX_TEXT))
                    .build());
        }
        return blocks;
    }
}
