package dev.dataopsbot.bot.slack;

import java.util.function.Consumer;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.bot.slack.message.FeedbackModal;
import dev.dataopsbot.bot.slack.message.Interactions;
import dev.dataopsbot.bot.slack.message.ModalContext;
import dev.dataopsbot.bot.slack.message.NoteModal;
import dev.dataopsbot.bot.slack.message.ResolveModal;
import dev.dataopsbot.bot.slack.web.SlackWebApi;
import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.incident.IncidentStore;
import dev.dataopsbot.knowledge.incident.MessageRef;

/**
 * The buttons of the triage message. Each press is acknowledged at once; after the ack it becomes
 * a timeline event with the user who pressed it and the message is re-rendered in place, or it
 * opens the modal that asks for the text (note, resolution, the right failure mode).
 */
final class IncidentButtons {

    private final AfterAck afterAck;
    private final IncidentActions actions;
    private final IncidentMessages messages;
    private final IncidentStore store;
    private final SlackWebApi web;

    IncidentButtons(AfterAck afterAck, IncidentActions actions, IncidentMessages messages, IncidentStore store, SlackWebApi web) {
        this.afterAck = afterAck;
        this.actions = actions;
        this.messages = messages;
        this.store = store;
        this.web = web;
    }

    void register(App app) {
        app.blockAction(Interactions.ACKNOWLEDGE, (request, context) -> change(request, context, (key, press) -> {
            actions.acknowledge(key, press.user());
            return null;
        }));
        app.blockAction(Interactions.SEVERITY, (request, context) -> change(request, context, (key, press) -> {
            actions.severity(key, press.selected(), "changed in Slack", press.user());
            return null;
        }));
        app.blockAction(Interactions.SUMMARY, (request, context) -> change(request, context, (key, press) -> {
            messages.postSummary(key, press.message().channel(), press.user()).thenAccept(where -> {
                if (where.isEmpty()) {
                    web.ephemeral(press.message().channel(), press.user(), "Slack did not accept the summary file of " + key
                            + "; the reason is in dataops-bot's log.", "summary " + key);
                }
            });
            return null;
        }));
        app.blockAction(Interactions.ADD_NOTE, (request, context) ->
                modal(request, context, (key, press) -> NoteModal.view(press.modalContext(key))));
        app.blockAction(Interactions.RESOLVE, (request, context) ->
                modal(request, context, (key, press) -> ResolveModal.view(press.modalContext(key))));
        app.blockAction(Interactions.WRONG_CLASSIFICATION, (request, context) -> modal(request, context, (key, press) ->
                FeedbackModal.view(press.modalContext(key), store.require(key).failureMode())));
    }

    /** What a button press says: who, on which message, which option. */
    record Press(String user, MessageRef message, String selected, String triggerId) {

        static Press of(BlockActionPayload payload) {
            BlockActionPayload.Action action = payload.getActions().get(0);
            String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
                    ? payload.getContainer().getChannelId() : payload.getChannel().getId();
            String ts = payload.getContainer() != null && payload.getContainer().getMessageTs() != null
                    ? payload.getContainer().getMessageTs() : payload.getMessage().getTs();
            String selected = action.getSelectedOption() == null ? null : action.getSelectedOption().getValue();
            return new Press(payload.getUser().getId(), new MessageRef(channel, ts), selected, payload.getTriggerId());
        }

        ModalContext modalContext(IncidentKey key) {
            return new ModalContext(key, message.channel(), message.ts());
        }
    }

    /** A change a button makes; returns what to tell the presser, or null when the updated message says it all. */
    @FunctionalInterface
    private interface Change {
        String apply(IncidentKey key, Press press);
    }

    @FunctionalInterface
    private interface ModalFor {
        com.slack.api.model.view.View apply(IncidentKey key, Press press);
    }

    private Response change(BlockActionRequest request, ActionContext context, Change change) {
        BlockActionPayload payload = request.getPayload();
        IncidentKey key = Interactions.keyOf(payload.getActions().get(0).getBlockId());
        Press press = Press.of(payload);
        String about = payload.getActions().get(0).getActionId() + " " + key;
        Consumer<String> tell = text -> web.ephemeral(press.message().channel(), press.user(), text, about);
        afterAck.run(about, tell, () -> {
            String result = change.apply(key, press);
            messages.refresh(key, press.message());
            if (result != null) {
                tell.accept(result);
            }
        }, null);
        return context.ack();
    }

    private Response modal(BlockActionRequest request, ActionContext context, ModalFor modal) {
        BlockActionPayload payload = request.getPayload();
        IncidentKey key = Interactions.keyOf(payload.getActions().get(0).getBlockId());
        Press press = Press.of(payload);
        String about = payload.getActions().get(0).getActionId() + " " + key;
        afterAck.run(about, text -> web.ephemeral(press.message().channel(), press.user(), text, about),
                () -> web.openView(press.triggerId(), modal.apply(key, press), about), null);
        return context.ack();
    }
}
