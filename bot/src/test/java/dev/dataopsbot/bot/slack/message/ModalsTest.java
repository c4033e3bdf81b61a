package dev.dataopsbot.bot.slack.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import org.junit.jupiter.api.Test;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.rules.FailureMode;

class ModalsTest {

    private static final ModalContext CONTEXT = new ModalContext(new IncidentKey(12), "C0ALERTS", "1764040330.000100");

    @Test
    void triage_modal_carries_its_channel() throws Exception {
        View view = TriageModal.view("C0ALERTS");
        GoldenFiles.assertMatches("modal-triage.json", view);
        assertEquals(new ModalContext(null, "C0ALERTS", null), ModalContext.parse(view.getPrivateMetadata()));
    }

    @Test
    void note_modal() throws Exception {
        View view = NoteModal.view(CONTEXT);
        GoldenFiles.assertMatches("modal-note.json", view);
        assertEquals(CONTEXT, ModalContext.parse(view.getPrivateMetadata()));
    }

    @Test
    void resolve_modal_requires_what_fixed_it() throws Exception {
        View view = ResolveModal.view(CONTEXT);
        GoldenFiles.assertMatches("modal-resolve.json", view);
        InputBlock input = (InputBlock) view.getBlocks().get(0);
        assertEquals(Interactions.RESOLUTION_TEXT, input.getBlockId());
        assertFalse(input.isOptional());
    }

    @Test
    void feedback_modal_offers_every_other_mode_and_an_optional_comment() throws Exception {
        View view = FeedbackModal.view(CONTEXT, "credential_expiry");
        GoldenFiles.assertMatches("modal-feedback.json", view);
        InputBlock mode = (InputBlock) view.getBlocks().get(1);
        List<String> values = ((StaticSelectElement) mode.getElement()).getOptions().stream().map(OptionObject::getValue).toList();
        assertEquals(FailureMode.ids().stream().filter(id -> !id.equals("credential_expiry")).toList(), values);
        assertTrue(values.contains("unknown"));
        assertTrue(((InputBlock) view.getBlocks().get(2)).isOptional());
    }

    @Test
    void modal_titles_fit_slack_even_for_long_keys() {
        ModalContext longKey = new ModalContext(new IncidentKey(123_456_789_012_345L), "C1", null);
        for (View view : List.of(TriageModal.view("C1"), NoteModal.view(longKey), ResolveModal.view(longKey),
                FeedbackModal.view(longKey, "timeout"))) {
            assertTrue(view.getTitle().getText().length() <= BlockText.MAX_VIEW_TITLE, view.getTitle().getText());
        }
    }

    @Test
    void incident_modals_refuse_a_context_without_incident() {
        ModalContext none = new ModalContext(null, "C1", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NoteModal.view(none));
        assertTrue(e.getMessage().contains("names none"), e.getMessage());
    }
}
