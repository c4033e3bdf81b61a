package dev.dataopsbot.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import dev.dataopsbot.rules.catalogue.Catalogues;
import dev.dataopsbot.rules.catalogue.CodeScanner;
import dev.dataopsbot.rules.entity.EntityExtractor;
import dev.dataopsbot.rules.text.Ascii;
import dev.dataopsbot.rules.text.InputLimits;
import org.kie.api.KieBase;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;

/**
 * Names the failure mode of an alert. Thread-safe: the {@link KieBase} is built once and shared;
 * every call works in its own short-lived session.
 *
 * <p>Two phases: the evidence rules (one DRL file per failure mode) and the precedence rules
 * fire on the alert's lines; {@link EvidenceScorer} picks the primary mode; then the taxonomy
 * rules fill in severity, escalation and whether a re-run is safe.
 */
public final class FailureModeClassifier {

    /** Lines kept for rules: the first and last half of this many distinct non-blank lines. */
    static final int MAX_LINES = 5_000;
    /**
     * Logged SQL ({@code Executing: SELECT ...}) is the pipeline's own text, not an error: its
     * table and column names ("deadlocks", "timeouts") must not count as evidence.
     */
    private static final LineRegex SQL_ECHO = LineRegex.of(
            "\\b(executing|running statement|running query|executing query|executing statement|running sql|sql|query)"
                    + "\\s{0,5}:\\s{0,5}(select|insert|merge|update|delete|create|with|alter|copy|call|truncate|grant|revoke|begin|set|unload|use|drop)\\b");
    private static final int MAX_FIRINGS = 100_000;
    /** Root causes of precedence.drl that say the message is no failure at all. */
    private static final Set<String> NOT_A_FAILURE = Set.of("recovery notice", "successful run", "all-clear report");

    private final KieBase kieBase;
    private final EvidenceScorer scorer = new EvidenceScorer();
    private final EntityExtractor entityExtractor = new EntityExtractor();
    private final CodeScanner codes;

    /** The rules of {@code kieBase} with the bundled error-code catalogues. */
    public FailureModeClassifier(KieBase kieBase) {
        this(kieBase, Catalogues.bundled());
    }

    public FailureModeClassifier(KieBase kieBase, Catalogues catalogues) {
        this.kieBase = kieBase;
        this.codes = new CodeScanner(catalogues);
    }

    /** The names of every DRL rule in the rule base, sorted. */
    public List<String> ruleNames() {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(org.kie.api.definition.rule.Rule::getName)
                .distinct().sorted().toList();
    }

    public Verdict classify(Alert alert) {
        try (RuleSession session = open(alert)) {
            return session.verdict();
        }
    }

    /**
     * The rules' session on an alert, after its evidence and precedence rules have fired: its
     * {@link RuleSession#verdict() verdict}, and the same alert {@link RuleSession#decidedAs decided as}
     * another mode, without firing the rules on its lines a second time. Close it.
     */
    public RuleSession open(Alert alert) {
        KieSession session = kieBase.newKieSession();
        FiredRules fired = new FiredRules();
        session.addEventListener(fired);
        try {
            List<LogLine> lines = linesOf(alert);
            insertLines(session, lines);
            session.fireAllRules(MAX_FIRINGS);
            return new RuleSession(this, session, alert, lines, fired);
        } catch (RuntimeException e) {
            session.dispose();
            throw e;
        }
    }

    /** The verdict of a session whose evidence rules have fired. */
    Verdict verdictOf(KieSession session, Alert alert, List<LogLine> lines) {
        List<Evidence> evidence = objects(session, Evidence.class);
        List<Demotion> demotions = objects(session, Demotion.class);
        EvidenceScorer.Scores scores = scorer.score(evidence, demotions);
        Disposition disposition = disposition(session, scores.primary());

        List<Evidence> ordered = order(evidence, scores.primary());
        List<String> evidenceLines = ordered.stream()
                .filter(e -> e.getFailureMode().equals(scores.primary()))
                .map(Evidence::getText).toList();
        Set<String> words = new HashSet<>();
        lines.forEach(line -> line.addWordsTo(words));
        Map<String, String> entities = entityExtractor.extract(alert.title() + "\n" + alert.text(), evidenceLines,
                words::contains);
        List<String> precedence = demotions.stream()
                .filter(d -> d.getRootCause().equals(scores.primary()))
                .map(d -> d.getSymptom() + " explained by " + d.getRootCause() + ": " + d.getReason())
                .distinct().sorted().toList();
        Set<String> demoted = demotions.stream().map(Demotion::getSymptom).collect(Collectors.toSet());
        boolean notAFailure = demotions.stream().anyMatch(d -> NOT_A_FAILURE.contains(d.getRootCause()));
        if (notAFailure && scores.primary().equals(FailureMode.UNKNOWN.id())) {
            // a success notice that leaked personal data is still pii_exposure, with its own advice
            disposition.adviseRetry("no", Disposition.NOTHING_FAILED);
        }
        return new Verdict(scores.primary(), scores.confidence(), scores.secondary(), ordered,
                disposition.getSeverity(), disposition.getEscalateTo(), disposition.getSafeToRetry(),
                disposition.getSafeToRetryReason(), entities, precedence, demoted, notAFailure);
    }

    /**
     * Severity, escalation and re-run advice for {@code mode} from the taxonomy and catalogue
     * rules, on the session's lines and codes. Each disposition is its own fact, so a session can
     * be asked for several modes.
     */
    static Disposition disposition(KieSession session, String mode) {
        Disposition disposition = new Disposition(mode);
        session.insert(disposition);
        session.fireAllRules(MAX_FIRINGS);
        return disposition;
    }

    /** The alert's lines and the catalogued codes found on them, as facts. */
    private void insertLines(KieSession session, List<LogLine> lines) {
        for (LogLine line : lines) {
            session.insert(line);
            codes.scan(line).forEach(session::insert);
        }
    }

    /**
     * Title as line 0, then the distinct non-blank lines of the text, head and tail when too many.
     * Lines after the marker of a cut input ({@link InputLimits#cutMarker}) keep the numbers they
     * had in the original input.
     */
    static List<LogLine> linesOf(Alert alert) {
        List<LogLine> lines = new ArrayList<>();
        if (!alert.title().isBlank()) {
            lines.add(new LogLine(0, alert.title().strip()));
        }
        Set<String> seen = new LinkedHashSet<>();
        String[] raw = alert.text().split("\n", -1);
        List<LogLine> body = new ArrayList<>();
        long offset = 0;
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].strip();
            long number = i + 1 + offset;
            OptionalLong cut = InputLimits.linesCut(text);
            if (cut.isPresent()) {
                // the marker stands where the cut began; the two line breaks around it replace the lines cut
                number = i + offset;
                offset += cut.getAsLong() - 2;
            }
            if (!text.isEmpty() && seen.add(text) && !SQL_ECHO.foundIn(Ascii.lower(text))) {
                body.add(new LogLine((int) Math.min(Integer.MAX_VALUE, number), text));
            }
        }
        if (body.size() > MAX_LINES) {
            int half = MAX_LINES / 2;
            lines.addAll(body.subList(0, half));
            lines.addAll(body.subList(body.size() - half, body.size()));
        } else {
            lines.addAll(body);
        }
        return lines;
    }

    /**
     * Primary-mode evidence first (strongest, then latest line), then the rest; ties by rule name,
     * because the session hands facts back in no fixed order.
     */
    private static List<Evidence> order(Collection<Evidence> evidence, String primary) {
        List<Evidence> ordered = new ArrayList<>(evidence);
        ordered.sort(Comparator.comparing((Evidence e) -> !e.getFailureMode().equals(primary))
                .thenComparing(Comparator.comparingDouble(Evidence::getWeight).reversed())
                .thenComparing(Comparator.comparingInt(Evidence::getLine).reversed())
                .thenComparing(Evidence::getRule));
        return ordered;
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Object o : session.getObjects(new ClassObjectFilter(type))) {
            found.add(type.cast(o));
        }
        return found;
    }
}
