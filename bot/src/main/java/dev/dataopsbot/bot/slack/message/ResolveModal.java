package dev.dataopsbot.bot.slack.message;

import java.util.List;

import com.slack.api.model.view.View;

/** Resolves an incident with what fixed it: the answer later shown beside similar incidents. */
public final class ResolveModal {

    private ResolveModal() {
    }

    public static View view(ModalContext context) {
        ModalLayout layout = new ModalLayout();
        return layout.view(Interactions.RESOLVE_MODAL, "Resolve " + context.requireIncident(), "Resolve", context,
                List.of(layout.textInput(Interactions.RESOLUTION_TEXT, "What fixed it?", false,
                        "Shown to whoever meets a similar incident next, so name the command, setting or owner.")));
    }
}
