package dev.dataopsbot.bot.slack.message;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * The ids renderers and handlers share: action ids of the triage message's buttons and select,
 * callback ids of the modals and the block/action ids of their inputs (each input uses the same
 * string for both). Every button's value is the incident key ({@code INC-12}); the actions block's
 * id is {@code incident_actions:INC-12}, so the select carries its incident too.
 */
public final class Interactions {

    public static final String ACKNOWLEDGE = "incident_ack";
    /** A static_select whose option values are {@code SEV1} to {@code SEV4}. */
    public static final String SEVERITY = "incident_severity";
    public static final String ADD_NOTE = "incident_note";
    public static final String RESOLVE = "incident_resolve";
    public static final String SUMMARY = "incident_summary";
    public static final String WRONG_CLASSIFICATION = "incident_feedback";

    public static final String TRIAGE_MODAL = "triage_modal";
    public static final String NOTE_MODAL = "note_modal";
    public static final String RESOLVE_MODAL = "resolve_modal";
    public static final String FEEDBACK_MODAL = "feedback_modal";

    public static final String TRIAGE_TEXT = "triage_text";
    public static final String NOTE_TEXT = "note_text";
    public static final String RESOLUTION_TEXT = "resolution_text";
    /** A static_select of failure-mode ids. */
    public static final String CORRECT_MODE = "correct_mode";
    /** Optional. */
    public static final String FEEDBACK_COMMENT = "feedback_comment";

    private static final String ACTIONS_BLOCK_PREFIX = "incident_actions:";

    private Interactions() {
    }

    /** The block id of an incident's actions block, {@code incident_actions:INC-12}. */
    public static String actionsBlockId(IncidentKey key) {
        return ACTIONS_BLOCK_PREFIX + key;
    }

    /**
     * The incident of an actions block id.
     *
     * @throws IllegalArgumentException when the id is not {@code incident_actions:INC-<n>}
     */
    public static IncidentKey keyOf(String blockId) {
        if (blockId == null || !blockId.startsWith(ACTIONS_BLOCK_PREFIX)) {
            throw new IllegalArgumentException("block id '" + blockId + "' is not an incident actions block; expected "
                    + ACTIONS_BLOCK_PREFIX + "INC-<number>");
        }
        return IncidentKey.parse(blockId.substring(ACTIONS_BLOCK_PREFIX.length()));
    }
}
