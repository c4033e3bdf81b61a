package dev.dataopsbot.bot.slack.message;

import java.util.Locale;

import dev.dataopsbot.rules.FailureMode;

/** Failure-mode ids as people read them: {@code credential_expiry} → "Credential expiry". */
final class ModeNames {

    private ModeNames() {
    }

    /** For a message header: "Credential expiry", or "Could not classify" for {@code unknown}. */
    static String heading(String modeId) {
        return FailureMode.UNKNOWN.id().equals(modeId) ? "Could not classify" : words(modeId);
    }

    /** For a choice among modes: "Credential expiry", or "Unknown: none of these" for {@code unknown}. */
    static String choice(String modeId) {
        return FailureMode.UNKNOWN.id().equals(modeId) ? "Unknown: none of these" : words(modeId);
    }

    private static String words(String modeId) {
        if (FailureMode.PII_EXPOSURE.id().equals(modeId)) {
            return "PII exposure";
        }
        String words = modeId.replace('_', ' ').strip();
        return words.isEmpty() ? "Unnamed failure mode"
                : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
