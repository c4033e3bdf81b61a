package dev.dataopsbot.bot.slack;

import java.util.Map;
import java.util.function.Consumer;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.ViewState;
import dev.dataopsbot.bot.slack.message.Interactions;
import dev.dataopsbot.bot.slack.message.ModalContext;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.MessageRef;

/**
 * Submissions of the bot's modals: the long-log triage box, add note, resolve and wrong
 * classification. A required field left blank is refused inside the modal; everything else is
 * done after the ack and the incident's triage message is updated in place.
 */
final class IncidentModals {

    private final AfterAck afterAck;
    private final IncidentActions actions;
    private final IncidentMessages messages;
    private final ChannelTriage triage;
    private final SlackWebApi web;

    IncidentModals(AfterAck afterAck, IncidentActions actions, IncidentMessages messages, ChannelTriage triage, SlackWebApi web) {
        this.afterAck = afterAck;
        this.actions = actions;
        this.messages = messages;
        this.triage = triage;
        this.web = web;
    }

    void register(App app) {
        app.viewSubmission(Interactions.TRIAGE_MODAL, this::triage);
        app.viewSubmission(Interactions.NOTE_MODAL, (request, context) -> change(request, context, Interactions.NOTE_TEXT,
                "Write the note.", (modal, user, text) -> actions.note(modal.incident(), text, user)));
        app.viewSubmission(Interactions.RESOLVE_MODAL, (request, context) -> change(request, context,
                Interactions.RESOLUTION_TEXT, "Say what fixed it.",
                (modal, user, text) -> actions.resolve(modal.incident(), text, user)));
        app.viewSubmission(Interactions.FEEDBACK_MODAL, (request, context) -> change(request, context,
                Interactions.CORRECT_MODE, "Pick the right failure mode.", (modal, user, mode) -> actions.wrongClassification(
                        modal.incident(), mode, value(request.getPayload(), Interactions.FEEDBACK_COMMENT), user)));
    }

    @FunctionalInterface
    private interface Change {
        String apply(ModalContext modal, String user, String input);
    }

    private Response triage(ViewSubmissionRequest request, ViewSubmissionContext context) {
        ViewSubmissionPayload payload = request.getPayload();
        String text = value(payload, Interactions.TRIAGE_TEXT);
        if (text == null || text.isBlank()) {
            return context.ack(r -> r.responseAction("errors").errors(Map.of(Interactions.TRIAGE_TEXT,
                    "Paste an alert or a log excerpt.")));
        }
        ModalContext modal = ModalContext.parse(payload.getView().getPrivateMetadata());
        String user = payload.getUser().getId();
        String channel = modal.channel() == null ? user : modal.channel();
        String about = "triage from " + user + " in " + channel;
        afterAck.run(about, tell(channel, user, about), () -> triage.run(text, channel, null), null);
        return context.ack();
    }

    private Response change(ViewSubmissionRequest request, ViewSubmissionContext context, String field, String missing,
                            Change change) {
        ViewSubmissionPayload payload = request.getPayload();
        String input = value(payload, field);
        if (input == null || input.isBlank()) {
            return context.ack(r -> r.responseAction("errors").errors(Map.of(field, missing)));
        }
        ModalContext modal = ModalContext.parse(payload.getView().getPrivateMetadata());
        String user = payload.getUser().getId();
        String about = payload.getView().getCallbackId() + " " + modal.incident();
        Consumer<String> tell = tell(modal.channel(), user, about);
        afterAck.run(about, tell, () -> {
            String done = change.apply(modal, user, input);
            if (modal.messageTs() != null) {
                messages.refresh(modal.incident(), new MessageRef(modal.channel(), modal.messageTs()));
            } else {
                messages.refresh(modal.incident());
            }
            tell.accept(done);
        }, null);
        return context.ack();
    }

    private Consumer<String> tell(String channel, String user, String about) {
        return text -> web.ephemeral(channel == null ? user : channel, user, text, about);
    }

    /** The value typed or picked in input {@code id} (block id and action id are the same), or null. */
    private static String value(ViewSubmissionPayload payload, String id) {
        Map<String, ViewState.Value> block = payload.getView().getState().getValues().get(id);
        ViewState.Value value = block == null ? null : block.get(id);
        if (value == null) {
            return null;
        }
        return value.getSelectedOption() != null ? value.getSelectedOption().getValue() : value.getValue();
    }
}
