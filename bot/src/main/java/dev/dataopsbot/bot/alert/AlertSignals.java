package dev.dataopsbot.bot.alert;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The decisions the channel handler makes about a message before and after extracting its text
 * ({@link AlertMessageText}): skip it, triage it, treat it as a recovery, or ask for the log.
 * Word heuristics over the extracted text and the sender; thread-safe.
 */
public final class AlertSignals {

    private static final Set<String> POSTED_SUBTYPES = Set.of("bot_message", "file_share", "thread_broadcast");
    private static final int VAGUE_WORDS = 8;
    private static final int QUESTION_WORDS = 30;
    private static final Pattern NOT_A_WORD = Pattern.compile("https?://\\S+|:[a-z0-9_+'-]+:|[@#]\\S+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_./-]*");
    /** Tokens that say which way something failed: enough for the classifier to work with. */
    private static final Pattern TELLING = Pattern.compile("[A-Z]\\w*(?:Error|Exception|Timeout|Exceeded|Denied|Violation)\\b"
            + "|\\b[A-Z]{2,5}-\\d{3,5}\\b|\\b\\d{6} \\(\\w{5}\\)|SQLSTATE|\\b[45]\\d\\d [A-Z][a-z]+"
            + "|(?i)\\b(?:traceback|timed? ?out|timeouts?|denied|expired?|unauthori[sz]ed|forbidden|refused|deadlock"
            + "|out of memory|oom\\w*|killed|sig(?:term|kill)|quota|rate.?limit\\w*|too many requests|not found"
            + "|does not exist|no such|duplicates?|nulls?|schema|columns?|permissions?|privileges?|credentials?"
            + "|tokens?|passwords?|certificates?|disk|memory|locks?|unreachable|unavailable|expectations?|tests?"
            + "|freshness|stale|late|delayed|anomal(?:y|ies)|pii|ssn)\\b");

    private final FailureMarkers failures = new FailureMarkers();
    private final RecoveryMarkers recoveries = new RecoveryMarkers(failures);

    /**
     * True when the message should be triaged: an integration posted it, or a person wrote failure
     * words ({@code failed}, {@code exception}, {@code firing}, {@code SEV2}, ...) that are not
     * negated ({@code no errors}, {@code 0 failures}, {@code error rate normal}) in something that
     * is not a one-line question ("did the orders load fail?").
     */
    public boolean looksLikeAlert(ChannelMessage message, String text) {
        if (message.isFromIntegration()) {
            return true;
        }
        return text != null && failures.presentIn(text) && !isShortQuestion(text);
    }

    /**
     * The recovery or success notice an integration posted ({@code [RESOLVED]}, {@code Recovered:},
     * {@code ALARM -> OK}, {@code Task succeeded}, {@code Status: Success}), if any. A person
     * writing "resolved" is not one: people resolve incidents with {@code /dataops resolve}.
     */
    public Optional<Recovery> recovery(ChannelMessage message, String text) {
        if (!message.isFromIntegration() || text == null) {
            return Optional.empty();
        }
        return recoveries.find(text);
    }

    /**
     * The recovery or success notice {@code text} is, whoever wrote it: for text with no sender
     * (the CLI, {@code /dataops triage}), where the person pasting it asks what it means.
     */
    public Optional<Recovery> notice(String text) {
        return text == null ? Optional.empty() : recoveries.find(text);
    }

    /** True for the bot's own messages: posted as {@code botUserId} or by the app {@code botId}. */
    public boolean isFromBot(ChannelMessage message, String botUserId, String botId) {
        return (botUserId != null && botUserId.equals(message.user()))
                || (botId != null && botId.equals(message.botId()));
    }

    /**
     * True for messages that are not new posts at the top of the channel: edits, deletions, joins,
     * topic changes and other subtypes (only none, {@code bot_message}, {@code file_share} and
     * {@code thread_broadcast} are posts), and thread replies, broadcast or not.
     */
    public boolean isIgnorable(ChannelMessage message) {
        String subtype = message.subtype();
        if (subtype != null && !subtype.isEmpty() && !POSTED_SUBTYPES.contains(subtype)) {
            return true;
        }
        if ("thread_broadcast".equals(subtype)) {
            return true;
        }
        return message.threadTs() != null && !Objects.equals(message.threadTs(), message.ts());
    }

    /**
     * True when the text is too thin to classify: fewer than eight words and nothing that says how
     * it failed (an exception name, an error code, "timed out", "permission denied", ...). The
     * handler then asks for the task log instead of posting an {@code unknown} triage.
     */
    public boolean isVague(String text) {
        if (text == null || text.isBlank()) {
            return true;
        }
        String words = NOT_A_WORD.matcher(text).replaceAll(" ");
        return WORD.matcher(words).results().count() < VAGUE_WORDS && !TELLING.matcher(text).find();
    }

    private static boolean isShortQuestion(String text) {
        String line = text.strip();
        return !line.contains("\n") && line.endsWith("?")
                && WORD.matcher(NOT_A_WORD.matcher(line).replaceAll(" ")).results().count() <= QUESTION_WORDS;
    }
}
