package dev.dataopsbot.bot.slack.message;

import java.util.List;

import com.slack.api.model.view.View;

/** Adds a note to an incident's timeline; the post-incident summary quotes it. */
public final class NoteModal {

    private NoteModal() {
    }

    public static View view(ModalContext context) {
        ModalLayout layout = new ModalLayout();
        return layout.view(Interactions.NOTE_MODAL, "Note on " + context.requireIncident(), "Add note", context,
                List.of(layout.textInput(Interactions.NOTE_TEXT, "Note", false,
                        "What you found or did; it goes on the incident's timeline.")));
    }
}
