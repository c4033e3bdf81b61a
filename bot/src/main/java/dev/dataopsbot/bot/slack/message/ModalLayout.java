package dev.dataopsbot.bot.slack.message;

import java.util.List;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;

/** The frame the modals share: title, submit and cancel buttons, and inputs whose block and action ids are the same. */
final class ModalLayout {

    /** Slack's cap on a plain_text_input. */
    static final int MAX_INPUT_CHARS = 3000;

    private final BlockText text = new BlockText();

    View view(String callbackId, String title, String submit, ModalContext context, List<LayoutBlock> blocks) {
        return View.builder().type("modal").callbackId(callbackId)
                .title(ViewTitle.builder().type("plain_text").text(text.fit(title, BlockText.MAX_VIEW_TITLE)).build())
                .submit(ViewSubmit.builder().type("plain_text").text(text.fit(submit, BlockText.MAX_VIEW_TITLE)).build())
                .close(ViewClose.builder().type("plain_text").text("Cancel").build())
                .privateMetadata(context.toJson()).blocks(blocks).build();
    }

    /** A multi-line text input; {@code hint} may be null. */
    InputBlock textInput(String id, String label, boolean optional, String hint) {
        PlainTextInputElement input = PlainTextInputElement.builder().actionId(id).multiline(true)
                .maxLength(MAX_INPUT_CHARS).build();
        return input(id, label, optional, hint, input);
    }

    InputBlock input(String id, String label, boolean optional, String hint, BlockElement element) {
        return InputBlock.builder().blockId(id).label(text.plain(label, BlockText.MAX_LABEL)).element(element).optional(optional)
                .hint(hint == null ? null : text.plain(hint, BlockText.MAX_LABEL)).build();
    }

    BlockText text() {
        return text;
    }
}
