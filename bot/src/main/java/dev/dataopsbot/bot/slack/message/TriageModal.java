package dev.dataopsbot.bot.slack.message;

import java.util.List;

import com.slack.api.model.view.View;

/** {@code /dataops triage} without text: a box to paste an alert or log excerpt into. */
public final class TriageModal {

    private TriageModal() {
    }

    /** @param channelId where the triage is posted; travels in private_metadata */
    public static View view(String channelId) {
        ModalLayout layout = new ModalLayout();
        return layout.view(Interactions.TRIAGE_MODAL, "Triage an alert", "Triage", new ModalContext(null, channelId, null),
                List.of(layout.textInput(Interactions.TRIAGE_TEXT, "Alert or log excerpt", false,
                        "Up to 3,000 characters; the lines around the error matter most. "
                                + "Secrets and personal data are redacted before anything is stored.")));
    }
}
