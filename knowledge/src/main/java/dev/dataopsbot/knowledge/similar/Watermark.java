package dev.dataopsbot.knowledge.similar;

import java.io.IOException;
import java.util.Map;

import org.apache.lucene.index.DirectoryReader;

/**
 * How far a Lucene commit of the past-incident index is in the SQLite timeline, kept in the
 * commit's user data: the index format and the id of the last timeline event it reflects.
 * Timeline events are append-only with growing ids, so every change to an incident after the
 * commit has an event with a larger id.
 *
 * @param format      {@link #FORMAT} when written by this version; another value means rebuild
 * @param lastEventId the largest {@code timeline_event.id} the commit reflects
 */
record Watermark(int format, long lastEventId) {

    /** Bump when the document fields or their analysis change: older indexes are then rebuilt. */
    static final int FORMAT = 1;
    private static final String FORMAT_KEY = "dataops.past_incidents.format";
    private static final String EVENT_KEY = "dataops.past_incidents.last_event_id";

    static Watermark current(long lastEventId) {
        return new Watermark(FORMAT, lastEventId);
    }

    /** The watermark of a commit; format 0 when the commit has none or it cannot be read. */
    static Watermark of(Map<String, String> userData) {
        try {
            return new Watermark(Integer.parseInt(userData.getOrDefault(FORMAT_KEY, "0")),
                    Long.parseLong(userData.getOrDefault(EVENT_KEY, "0")));
        } catch (NumberFormatException e) {
            return new Watermark(0, 0);
        }
    }

    static Watermark of(DirectoryReader reader) throws IOException {
        return of(reader.getIndexCommit().getUserData());
    }

    boolean isCurrentFormat() {
        return format == FORMAT;
    }

    Map<String, String> userData() {
        return Map.of(FORMAT_KEY, Integer.toString(format), EVENT_KEY, Long.toString(lastEventId));
    }
}
