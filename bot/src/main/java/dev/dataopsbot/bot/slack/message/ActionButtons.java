package dev.dataopsbot.bot.slack.message;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.StaticSelectElement;

import dev.dataopsbot.knowledge.incident.Incident;
import dev.dataopsbot.knowledge.incident.IncidentStatus;

/**
 * The buttons under a triage message, by status: an open incident can be acknowledged; until it is
 * resolved its severity can change and it takes notes and a resolution; a summary and
 * classification feedback are always offered.
 */
final class ActionButtons {

    static final List<String> SEVERITIES = List.of("SEV1", "SEV2", "SEV3", "SEV4");

    private final BlockText text;

    ActionButtons(BlockText text) {
        this.text = text;
    }

    ActionsBlock block(Incident incident) {
        String key = incident.key().toString();
        List<BlockElement> elements = new ArrayList<>();
        if (incident.status() == IncidentStatus.OPEN) {
            elements.add(button(Interactions.ACKNOWLEDGE, "Acknowledge", key, "primary"));
        }
        if (!incident.isResolved()) {
            elements.add(severity(incident.severity()));
            elements.add(button(Interactions.ADD_NOTE, "Add note", key, null));
            elements.add(button(Interactions.RESOLVE, "Resolve", key, null));
        }
        elements.add(button(Interactions.SUMMARY, "Generate summary", key, null));
        elements.add(button(Interactions.WRONG_CLASSIFICATION, "Wrong classification", key, null));
        return ActionsBlock.builder().blockId(Interactions.actionsBlockId(incident.key())).elements(elements).build();
    }

    private ButtonElement button(String actionId, String label, String key, String style) {
        return ButtonElement.builder().actionId(actionId).text(text.plain(label, BlockText.MAX_BUTTON)).value(key)
                .style(style).build();
    }

    private StaticSelectElement severity(String current) {
        List<OptionObject> options = SEVERITIES.stream().map(this::option).toList();
        return StaticSelectElement.builder().actionId(Interactions.SEVERITY)
                .placeholder(text.plain("Change severity", BlockText.MAX_BUTTON)).options(options)
                .initialOption(options.stream().filter(o -> o.getValue().equals(current)).findFirst().orElse(null))
                .build();
    }

    private OptionObject option(String severity) {
        return OptionObject.builder().text(text.plain(severity, BlockText.MAX_BUTTON)).value(severity).build();
    }
}
