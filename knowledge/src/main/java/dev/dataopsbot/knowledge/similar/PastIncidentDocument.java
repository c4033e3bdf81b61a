package dev.dataopsbot.knowledge.similar;

import java.util.Locale;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;

import dev.dataopsbot.knowledge.incident.IncidentKey;

/**
 * The fields of one past incident in the index. Matching uses the title, the evidence lines with
 * the pipeline objects, and the resolution with the notes; the failure mode and system are exact
 * terms. Only what a {@link SimilarIncident} shows is stored.
 */
final class PastIncidentDocument {

    static final String KEY = "key";
    static final String NUMBER = "number";
    static final String MODE = "failure_mode";
    static final String SYSTEM = "system";
    static final String TITLE = "title";
    static final String EVIDENCE = "evidence";
    static final String NOTES = "notes";
    static final String RESOLUTION = "resolution";
    static final String MINUTES = "resolved_in_minutes";

    private PastIncidentDocument() {
    }

    static Term key(IncidentKey key) {
        return new Term(KEY, key.toString());
    }

    static String system(String system) {
        return system.strip().toLowerCase(Locale.ROOT);
    }

    static Document of(PastIncident incident) {
        Document doc = new Document();
        doc.add(new StringField(KEY, incident.key().toString(), Field.Store.NO));
        doc.add(new NumericDocValuesField(NUMBER, incident.key().number()));
        doc.add(new StoredField(NUMBER, incident.key().number()));
        doc.add(new StringField(MODE, incident.failureMode(), Field.Store.YES));
        if (!incident.system().isBlank()) {
            doc.add(new StringField(SYSTEM, system(incident.system()), Field.Store.NO));
        }
        doc.add(new TextField(TITLE, incident.title(), Field.Store.YES));
        doc.add(new TextField(EVIDENCE, String.join("\n", incident.evidence()) + "\n"
                + String.join(" ", incident.objects()), Field.Store.NO));
        doc.add(new TextField(NOTES, incident.resolution() + "\n" + String.join("\n", incident.notes()), Field.Store.NO));
        doc.add(new StoredField(RESOLUTION, incident.resolution()));
        doc.add(new StoredField(MINUTES, incident.resolvedInMinutes()));
        return doc;
    }

    static SimilarIncident hit(Document stored, double score) {
        return new SimilarIncident(new IncidentKey(stored.getField(NUMBER).numericValue().longValue()),
                stored.get(TITLE), stored.get(MODE), stored.get(RESOLUTION),
                stored.getField(MINUTES).numericValue().longValue(), Math.round(score * 100) / 100.0);
    }
}
