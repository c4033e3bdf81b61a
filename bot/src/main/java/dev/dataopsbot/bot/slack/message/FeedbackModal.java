package dev.dataopsbot.bot.slack.message;

import java.util.List;

import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;

import dev.dataopsbot.rules.FailureMode;

/** "Wrong classification": which failure mode it really was, and why; recorded as feedback on the timeline. */
public final class FeedbackModal {

    private FeedbackModal() {
    }

    /** @param currentMode the mode the incident is classified as; left out of the choices */
    public static View view(ModalContext context, String currentMode) {
        ModalLayout layout = new ModalLayout();
        BlockText text = layout.text();
        List<OptionObject> modes = FailureMode.ids().stream().filter(id -> !id.equals(currentMode))
                .map(id -> OptionObject.builder().text(text.plain(ModeNames.choice(id), BlockText.MAX_BUTTON)).value(id).build())
                .toList();
        StaticSelectElement select = StaticSelectElement.builder().actionId(Interactions.CORRECT_MODE)
                .placeholder(text.plain("Choose a failure mode", BlockText.MAX_BUTTON)).options(modes).build();
        return layout.view(Interactions.FEEDBACK_MODAL, "Wrong classification", "Send", context, List.of(
                SectionBlock.builder().text(text.markdown(context.requireIncident() + " was classified as "
                        + Code.inline(currentMode) + ". What was it?", BlockText.MAX_TEXT)).build(),
                layout.input(Interactions.CORRECT_MODE, "Correct failure mode", false, null, select),
                layout.textInput(Interactions.FEEDBACK_COMMENT, "Why? (optional)", true,
                        "Helps whoever tunes the rules: which line gave it away.")));
    }
}
