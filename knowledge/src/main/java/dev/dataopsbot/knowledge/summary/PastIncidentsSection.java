package dev.dataopsbot.knowledge.summary;

import java.time.Duration;
import java.util.List;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import dev.dataopsbot.knowledge.similar.SimilarIncident;

/**
 * Linked and similar past incidents: the earlier incident with the same alert fingerprint, and
 * the similar resolved ones with what fixed them. Left out when there are none.
 */
final class PastIncidentsSection implements SummarySection {

    static final int TITLE_CHARS = 120;
    static final int RESOLUTION_CHARS = 200;

    @Override
    public void write(SummaryFacts facts, MarkdownWriter out) {
        IncidentKey linked = facts.incident().linkedTo();
        List<SimilarIncident> similar = facts.similar();
        if (linked == null && similar.isEmpty()) {
            return;
        }
        out.section("Linked and similar past incidents");
        if (linked != null) {
            out.paragraph("Follows " + linked + ", an earlier incident with the same alert fingerprint.");
        }
        if (!similar.isEmpty()) {
            out.table("Incident", "Title", "Failure mode", "Resolved in", "What fixed it");
            for (SimilarIncident s : similar) {
                out.row(s.key().toString(), MarkdownText.cell(s.title(), TITLE_CHARS),
                        MarkdownText.cell(s.failureMode(), TITLE_CHARS),
                        TimeFormat.duration(Duration.ofMinutes(s.resolvedInMinutes())),
                        MarkdownText.cell(s.resolution(), RESOLUTION_CHARS));
            }
        }
    }
}
