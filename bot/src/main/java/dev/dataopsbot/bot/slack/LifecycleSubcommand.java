package dev.dataopsbot.bot.slack;

import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * {@code /dataops ack|sev|note|action|mitigate|resolve INC-n [text]}: the lifecycle from the
 * command line of Slack. Malformed commands get their usage at once and touch nothing; the change
 * runs after the ack, its outcome (or why it was refused) comes back ephemeral, and the incident's
 * triage message is updated in place.
 */
final class LifecycleSubcommand implements Subcommand {

    /** The subcommand words and their usage. */
    enum Verb {
        ACK("ack", "INC-12"),
        SEV("sev", "INC-12 SEV1 [why]"),
        NOTE("note", "INC-12 <text>"),
        ACTION("action", "INC-12 [@owner] <text>"),
        MITIGATE("mitigate", "INC-12 [what stopped the impact]"),
        RESOLVE("resolve", "INC-12 <what fixed it>");

        final String word;
        final String usage;

        Verb(String word, String usage) {
            this.word = word;
            this.usage = usage;
        }
    }

    private static final Set<String> SEVERITIES = Set.of("SEV1", "SEV2", "SEV3", "SEV4");

    private final Verb verb;
    private final AfterAck afterAck;
    private final IncidentActions actions;
    private final IncidentMessages messages;

    LifecycleSubcommand(Verb verb, AfterAck afterAck, IncidentActions actions, IncidentMessages messages) {
        this.verb = verb;
        this.afterAck = afterAck;
        this.actions = actions;
        this.messages = messages;
    }

    @Override
    public Response handle(SlashInvocation invocation, SlashCommandContext context) {
        IncidentKey key;
        try {
            key = IncidentKey.parse(invocation.firstWord());
        } catch (IllegalArgumentException e) {
            return context.ack(usage(invocation.firstWord().isEmpty() ? "which incident?"
                    : TypedWord.quoted(invocation.firstWord(), "'", "'") + " is not an incident key"));
        }
        String rest = invocation.afterFirstWord();
        String user = invocation.user();
        Supplier<String> change;
        switch (verb) {
            case ACK -> change = () -> actions.acknowledge(key, user);
            case SEV -> {
                String[] parts = rest.split("\\s+", 2);
                String severity = parts[0].toUpperCase(Locale.ROOT);
                if (!SEVERITIES.contains(severity)) {
                    return context.ack(usage(rest.isEmpty() ? "which severity?" : TypedWord.quoted(parts[0], "'", "'") + " is not SEV1, SEV2, SEV3 or SEV4"));
                }
                String reason = parts.length < 2 ? null : parts[1];
                change = () -> actions.severity(key, severity, reason, user);
            }
            case NOTE -> {
                if (rest.isEmpty()) {
                    return context.ack(usage("the note is missing"));
                }
                change = () -> actions.note(key, rest, user);
            }
            case ACTION -> {
                String first = rest.isEmpty() ? "" : rest.split("\\s+", 2)[0];
                boolean hasOwner = first.startsWith("@") || first.startsWith("<@");
                String text = hasOwner ? rest.substring(first.length()).strip() : rest;
                if (text.isEmpty()) {
                    return context.ack(usage("the action item is missing"));
                }
                String owner = hasOwner ? first : null;
                change = () -> actions.actionItem(key, text, owner, user);
            }
            case MITIGATE -> change = () -> actions.mitigate(key, rest.isEmpty() ? null : rest, user);
            case RESOLVE -> {
                if (rest.isEmpty()) {
                    return context.ack(usage("say what fixed it"));
                }
                change = () -> actions.resolve(key, rest, user);
            }
            default -> throw new IllegalStateException(verb.toString());
        }
        String about = verb.word + " " + key;
        return afterAck.slash(invocation, context, about, () -> {
            String done = change.get();
            messages.refresh(key);
            afterAck.reply(invocation, done, about);
        }, null);
    }

    private String usage(String problem) {
        return problem + ". Usage: `/dataops " + verb.word + " " + verb.usage + "`";
    }
}
