package dev.dataopsbot.rules.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.dataopsbot.rules.text.Ascii;
import dev.dataopsbot.rules.text.Words;

/**
 * Pulls the identifiers a responder needs out of alert text: which DAG, task, run, model or
 * table, which system failed, on which host, with which error code. Each entity is taken from
 * the first pattern that matches; patterns are ordered from the most to the least reliable
 * (a structured {@code dag_id=} field beats a free-text {@code DAG:} line).
 */
public final class EntityExtractor {

    static final int EDGE_CHARS = 32 * 1024;
    private static final int FLAGS = Pattern.MULTILINE;
    private static final String ID = "([A-Za-z0-9_][\\w.\\-]{0,249})";
    /** A Kubernetes object name (RFC 1123 label or subdomain), as written in the lower-cased text. */
    private static final String K8S_NAME = "([a-z0-9][a-z0-9.\\-]{0,252})";
    /** A Kafka topic or consumer group name. */
    private static final String KAFKA_NAME = "([\\w][\\w.\\-]{0,248})";

    private static final Map<String, List<Cue>> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("dag_id", List.of(
                cue("\\bdag_id=" + ID, "dag_id="),
                cue("<TaskInstance: ([\\w\\-]{1,250})\\.[\\w.\\-]{1,250} ", "<taskinstance: "),
                cue("^\\W{0,3}dag\\W{0,3}:[ \\t]{0,5}" + ID, "dag"),
                cue("\\bDAG run failed: " + ID, "dag run failed: "),
                cue("\\bdag[ _]id[\"']?[=:][ \\t]{0,3}[\"']?" + ID, "dag id", "dag_id")));
        PATTERNS.put("task_id", List.of(
                cue("\\btask_id=" + ID, "task_id="),
                cue("<TaskInstance: [\\w\\-]{1,250}\\.([\\w.\\-]{1,250}) ", "<taskinstance: "),
                cue("^\\W{0,3}task\\W{0,3}:[ \\t]{0,5}" + ID, "task"),
                cue("\\bExecuting <Task\\(\\w{1,100}\\): ([\\w.\\-]{1,250})>", "executing <task("),
                cue("\\btask[ _]id[\"']?[=:][ \\t]{0,3}[\"']?" + ID, "task id", "task_id")));
        PATTERNS.put("run_id", List.of(
                cue("\\brun_id=([^\\s,]{1,250})", "run_id="),
                cue("^\\W{0,3}run(?:[ _]id)?\\W{0,3}:[ \\t]{0,5}([^\\s,]{1,250})", "run"),
                cue("\\b((?:scheduled|manual|backfill|dataset_triggered|asset_triggered)__[\\w:+.\\-]{8,60})", "__"),
                cue("\\bjob[ _]run[ _]id\\W{0,3}[=:][ \\t]{0,3}(\\w{1,100})", "run id", "run_id")));
        PATTERNS.put("model", List.of(
                cue("\\b(?:in|for) model ([\\w.\\-]{1,250})", " model "),
                cue("\\bmodel\\.[\\w\\-]{1,100}\\.([\\w\\-]{1,250})", "model."),
                cue("^\\W{0,3}(?:failed_)?model\\W{0,3}:[ \\t]{0,5}" + ID, "model")));
        PATTERNS.put("test", List.of(
                cue("\\bFailure in test ([\\w.\\-]{1,250})", "failure in test "),
                cue("\\b(?:Warning|Error) in test ([\\w.\\-]{1,250})", " in test "),
                cue("\\bexpectation_type\"?:[ \\t]{0,3}\"?(\\w{1,200})", "expectation_type")));
        PATTERNS.put("table", List.of(
                cue("\\b(?:table|relation)[ \\t]{1,3}[`'\"]?([\\w\\-]{1,120}[:.][\\w.\\-]{1,250}|[\\w]{2,250})[`'\"]?", "table", "relation"),
                cue("\\b(?:on|to|into|from) table [`'\"]?([\\w.:\\-]{2,250})", " table "),
                cue("^\\W{0,3}table\\W{0,3}:[ \\t]{0,5}([\\w.:\\-]{1,250})", "table"),
                cue("\\bLoad failed for ([\\w.]{3,250})", "load failed for "),
                cue("\\btableId\"?:[ \\t]{0,3}\"([\\w\\-]{1,250})\"", "tableid")));
        PATTERNS.put("host", List.of(
                cue("\\bon host ([\\w.\\-]{1,253})", "on host "),
                cue("\\bserver at \"([\\w.\\-]{1,253})\"", "server at \""),
                cue("\\bhost='([\\w.\\-]{1,253})'", "host='"),
                cue("^\\W{0,3}(?:host|hostname|instance|node)\\W{0,3}:[ \\t]{0,5}([\\w.\\-:]{1,253})", "host", "instance", "node"),
                cue("\\bConnection to node -?\\d{1,5} \\(([\\w.\\-]{1,253})[/:]", "connection to node "),
                cue("\\bhost \"([\\w.\\-]{1,253})\"", "host \""),
                cue("\\bconnect to ([\\w.\\-]{3,253}):\\d{2,5}", "connect to ")));
        PATTERNS.put("error_code", List.of(
                cue("\\bAn error occurred \\((\\w{2,64})\\)", "an error occurred ("),
                cue("\\b(\\d{6}) \\([0-9A-Z]{5}\\)", " ("),
                cue("'C': '([0-9A-Z]{5})'", "'c': '"),
                cue("\\bORA-(\\d{5})", "ora-"),
                // "Reason: Container killed by YARN" is a sentence, not a code: only an identifier-shaped reason counts
                cue(EntityExtractor::isCodeShaped, "\\breason: (\\w{4,64})", "reason: "),
                cue("\\b(?:HTTP(?: status)?|status code|Error:?|error code:?)[ \\t]{0,3}([45]\\d\\d)\\b", "http", "status code", "error"),
                cue("\\b([45]\\d\\d) (?:Client|Server) Error", "client error", "server error"),
                cue("\\b([45]\\d\\d) (?:Too Many Requests|Forbidden|Unauthorized|Bad Gateway|Service Unavailable|Gateway Time-?out|Not Found|Internal Server Error)",
                        "too many requests", "forbidden", "unauthorized", "bad gateway", "service unavailable", "gateway time", "not found", "internal server error"),
                cue("\\(([45]\\d\\d)\\) Reason", ") reason"),
                cue("\\bERROR:[ \\t]{0,3}(\\d{3,5})\\b", "error:"),
                cue("\\bpsycopg2?\\.errors\\.(\\w{3,64})", "psycopg")));
        // an exit status is not an error code: "exit code 1" says only that something failed
        PATTERNS.put("exit_code", List.of(
                cue("\\bexit(?:ed with)?[ _]code:?[ \\t]{0,8}(\\d{1,3})\\b", "exit code", "exit_code", "exited with code"),
                cue("\\breturn code (\\d{1,3})\\b", "return code "),
                cue("\\bexit status (\\d{1,3})\\b", "exit status ")));
        PATTERNS.put("namespace", List.of(
                cue("^\\W{0,3}namespace\\W{0,3}:[ \\t]{0,5}" + ID, "namespace"),
                cue("\\bnamespace[\"']?[ \\t]{0,2}[=:][ \\t]{0,3}[\"']?" + K8S_NAME, "namespace"),
                cue("\\bnamespaces? \"" + K8S_NAME + "\"", "namespace \"", "namespaces \""),
                cue("\\bin namespace " + K8S_NAME, "in namespace "),
                cue("/namespaces/" + K8S_NAME + "/", "/namespaces/"),
                cue("\\bpods? " + K8S_NAME + "/[a-z0-9]", "pod ", "pods ")));
        PATTERNS.put("pod", List.of(
                cue("^\\W{0,3}pod\\W{0,3}:[ \\t]{0,5}" + ID, "pod"),
                cue("\\bpod[\"']?[ \\t]{0,2}[=:][ \\t]{0,3}[\"']?" + K8S_NAME, "pod"),
                cue("\\bpods? [a-z0-9][a-z0-9\\-]{0,62}/" + K8S_NAME, "pod ", "pods "),
                cue("/pods/" + K8S_NAME, "/pods/"),
                cue("\\bpod/" + K8S_NAME, "pod/"),
                // free text ("Pod build-features-x7k2m9qp has phase Failed"): a generated name, not a word
                cue(EntityExtractor::isGeneratedName, "\\bpod " + K8S_NAME + "(?![\\w/.\\-])", "pod ")));
        PATTERNS.put("topic", List.of(
                cue("^\\W{0,3}topic\\W{0,3}:[ \\t]{0,5}" + ID, "topic"),
                cue("\\btopic[\"']?[ \\t]{0,2}[=:][ \\t]{0,3}[\"']?" + KAFKA_NAME, "topic"),
                cue("\\b(?:on|for|to|from) topic [\"'`]?" + KAFKA_NAME, " topic "),
                cue("\\btopic [\"'`]?" + KAFKA_NAME + "[\"'`]? (?:not present|does not exist|is not|not found)", "topic "),
                cue("\\{" + KAFKA_NAME + "=(?:unknown_topic|leader_not_available|topic_authorization_failed)", "unknown_topic",
                        "leader_not_available", "topic_authorization_failed"),
                cue("\\bpartitions?:? \\[?" + KAFKA_NAME + "-\\d{1,5}\\b", "partition")));
        PATTERNS.put("consumer_group", List.of(
                cue("^\\W{0,3}(?:consumer ?group|consumer_group|group[ _.]?id)\\W{0,3}:[ \\t]{0,5}" + ID,
                        "consumergroup", "consumer group", "consumer_group", "group"),
                cue("\\b(?:consumergroup|consumer[ _.\\-]group|group[._]?id)[\"']?[ \\t]{0,2}[=:][ \\t]{0,3}[\"']?" + KAFKA_NAME,
                        "consumergroup", "consumer group", "consumer_group", "consumer-group", "consumer.group", "groupid",
                        "group.id", "group_id"),
                cue(EntityExtractor::isGeneratedName, "\\b(?:consumer group|group) [\"'`]?" + KAFKA_NAME + "[\"'`]?(?![\\w.\\-])",
                        "consumer group", "group ")));
    }

    /**
     * A pattern, the lower-case literals of which one must occur on a line for it to be worth
     * running there, and what a value must look like to count.
     */
    private record Cue(Pattern pattern, List<String> triggers, Predicate<String> accepts) {
    }

    private static final TriggerLines TRIGGERS = new TriggerLines(
            PATTERNS.values().stream().flatMap(List::stream).flatMap(cue -> cue.triggers().stream()).toList());

    private static Cue cue(String regex, String... triggers) {
        return cue(value -> true, regex, triggers);
    }

    private static Cue cue(Predicate<String> accepts, String regex, String... triggers) {
        return new Cue(Pattern.compile(lowerLiterals(regex), FLAGS), List.of(triggers), accepts);
    }

    /** An error code, not a word: has a digit or {@code _}, or capitals inside ({@code OOMKilled}, {@code quotaExceeded}). */
    static boolean isCodeShaped(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= '0' && c <= '9') || c == '_' || (i > 0 && c >= 'A' && c <= 'Z')) {
                return true;
            }
        }
        return false;
    }

    /** A generated object name ({@code build-features-x7k2m9qp}, {@code orders-sink}), not an English word. */
    static boolean isGeneratedName(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.') {
                return true;
            }
        }
        return false;
    }

    /**
     * Snowflake's "000904 (42000):" error code and SQLSTATE pair ({@code \b\d{6} \([0-9a-z]{5}\):} in
     * the lower-cased text), found from each " (" rather than by a regex tried at every position.
     */
    static boolean hasSnowflakeErrorCode(String lower) {
        for (int at = lower.indexOf(" ("); at >= 0; at = lower.indexOf(" (", at + 1)) {
            if (at < 6 || at + 9 > lower.length() || (at > 6 && isWordChar(lower.charAt(at - 7)))
                    || !lower.startsWith("):", at + 7)) {
                continue;
            }
            boolean shape = true;
            for (int i = at - 6; i < at && shape; i++) {
                shape = lower.charAt(i) >= '0' && lower.charAt(i) <= '9';
            }
            for (int i = at + 2; i < at + 7 && shape; i++) {
                char c = lower.charAt(i);
                shape = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
            }
            if (shape) {
                return true;
            }
        }
        return false;
    }

    private static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /**
     * System names in priority order, each recognised by whole words or by substrings of the
     * lower-cased text: the first found on an evidence line wins, then in the whole text.
     */
    private static final List<SystemCue> SYSTEMS = List.of(
            new SystemCue("snowflake", List.of("snowflake", "snowpipe", "snowsql"), List.of("snowflake", "snowpipe"), EntityExtractor::hasSnowflakeErrorCode),
            new SystemCue("bigquery", List.of("bigquery", "bq"), List.of("bigquery")),
            new SystemCue("redshift", List.of("redshift"), List.of("redshift", "stl_load_errors", "svl_", "stv_")),
            new SystemCue("postgres", List.of("postgres", "postgresql", "psql", "psycopg2", "psycopg", "libpq", "pgbouncer"), List.of("postgres", "psycopg", "pg_stat")),
            new SystemCue("mysql", List.of("mysql", "mariadb", "pymysql"), List.of("mysql")),
            new SystemCue("databricks", List.of("databricks"), List.of("databricks")),
            new SystemCue("spark", List.of("spark", "pyspark", "yarn", "executorlostfailure"), List.of("spark")),
            new SystemCue("kafka", List.of("kafka", "consumergroup"), List.of("kafka", "consumer group", "schema registry")),
            new SystemCue("great_expectations", List.of("great_expectations"), List.of("great_expectations", "great expectations", "expectation_config", "expect_")),
            new SystemCue("soda", List.of("soda"), List.of()),
            new SystemCue("s3", List.of("s3", "s3a", "putobject", "getobject", "headobject", "listobjects", "deleteobject", "nosuchbucket", "nosuchkey"), List.of("s3://", "s3a://")),
            new SystemCue("aws", List.of("aws", "botocore", "boto3", "athena", "glue", "sts", "macie", "kinesis", "dynamodb", "iam", "amazonaws"), List.of("arn:aws", "amazonaws")),
            new SystemCue("gcs", List.of("gcs"), List.of("gs://", "storage.googleapis")),
            new SystemCue("gcp", List.of("gcp", "gcloud", "googleapis", "pubsub", "dlp", "dlpjobs"), List.of("google.", "service account", "serviceaccount")),
            new SystemCue("kubernetes", List.of("kubernetes", "kubectl", "kube", "kubelet", "pod", "k8s", "oomkilled", "crashloopbackoff", "createcontainerconfigerror"), List.of("kubernetes")),
            new SystemCue("dbt", List.of("dbt"), List.of("in model ", "failure in test", "dbt_project")),
            new SystemCue("airflow", List.of("airflow", "taskinstance", "dag"), List.of("airflow", "dag_id", "broken dag")));

    private record SystemCue(String system, List<String> words, List<String> substrings, Predicate<String> shape) {
        SystemCue(String system, List<String> words, List<String> substrings) {
            this(system, words, substrings, null);
        }

        /**
         * @param hasWord      whether the text has a word (see {@link Words})
         * @param hasSubstring whether the lower-cased text contains a string
         */
        boolean foundIn(String lower, Predicate<String> hasWord, Predicate<String> hasSubstring) {
            for (String word : words) {
                if (hasWord.test(word)) {
                    return true;
                }
            }
            for (String substring : substrings) {
                if (hasSubstring.test(substring)) {
                    return true;
                }
            }
            return shape != null && shape.test(lower);
        }
    }

    /** Every system cue's substrings, found in one pass over a whole text. */
    private static final TriggerLines SYSTEM_SUBSTRINGS = new TriggerLines(
            SYSTEMS.stream().flatMap(cue -> cue.substrings().stream()).toList());

    private static final List<String> ORCHESTRATORS = List.of("airflow", "dbt", "kubernetes");

    /**
     * What names the orchestrator, in priority order (Airflow running a dbt model in a Kubernetes
     * pod is orchestrated by Airflow). Stricter than {@link #SYSTEMS} for Airflow: the word "dag"
     * alone is not enough, Spark's {@code DAGScheduler} has it too.
     */
    private static final List<SystemCue> ORCHESTRATOR_CUES = List.of(
            new SystemCue("airflow", List.of("airflow", "taskinstance", "dagrun", "dagbag"),
                    List.of("airflow", "dag_id", "broken dag")),
            SYSTEMS.stream().filter(cue -> cue.system().equals("dbt")).findFirst().orElseThrow(),
            SYSTEMS.stream().filter(cue -> cue.system().equals("kubernetes")).findFirst().orElseThrow());

    /** Patterns run on the ASCII-lower-cased text: literals are lower-cased, escapes such as \\W are kept. */
    private static String lowerLiterals(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            boolean escaped = i > 0 && regex.charAt(i - 1) == '\\' && (i < 2 || regex.charAt(i - 2) != '\\');
            out.append(!escaped && c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }

    /** {@link #extract(String, List, Predicate)} with the words of the text found by {@link Words}. */
    Map<String, String> extract(String fullText, List<String> evidenceLines) {
        return extract(fullText, evidenceLines, Words.of(headAndTail(fullText))::contains);
    }

    /** The names of every entity this extractor can find, {@code system} and {@code orchestrator} included. */
    public static List<String> names() {
        List<String> names = new java.util.ArrayList<>(PATTERNS.keySet());
        names.add("system");
        names.add("orchestrator");
        return List.copyOf(names);
    }

    /**
     * @param fullText      the normalised, redacted alert text
     * @param evidenceLines the lines that carry evidence, searched first for the failing system
     * @param hasWord       whether the text has a word in the sense of {@link Words} (the
     *                      classifier answers it from the word sets its lines already have)
     */
    public Map<String, String> extract(String fullText, List<String> evidenceLines, Predicate<String> hasWord) {
        String text = headAndTail(fullText);
        String lower = Ascii.lower(text);
        Map<String, String> entities = new LinkedHashMap<>();
        Map<String, List<Integer>> triggerLines = TRIGGERS.in(lower);
        PATTERNS.forEach((name, patterns) -> firstMatch(text, lower, patterns, triggerLines)
                .ifPresent(v -> entities.put(name, v)));
        String evidence = String.join("\n", evidenceLines);
        String evidenceLower = Ascii.lower(evidence);
        java.util.Set<String> evidenceWords = Words.of(evidence);
        String system = findSystem(cue -> cue.foundIn(evidenceLower, evidenceWords::contains, evidenceLower::contains), true);
        java.util.Set<String> substringsInText = SYSTEM_SUBSTRINGS.in(lower).keySet();
        // each cue is looked for in the whole text at most once, however many passes ask
        Boolean[] inText = new Boolean[SYSTEMS.size()];
        Predicate<SystemCue> foundInText = cue -> {
            int i = SYSTEMS.indexOf(cue);
            if (inText[i] == null) {
                inText[i] = cue.foundIn(lower, hasWord, substringsInText::contains);
            }
            return inText[i];
        };
        if (system == null) {
            system = findSystem(foundInText, true);
        }
        if (system == null) {
            system = findSystem(foundInText, false);
        }
        if (system != null) {
            entities.put("system", system);
        }
        for (SystemCue cue : ORCHESTRATOR_CUES) {
            boolean found = cue.system().equals("airflow")
                    ? entities.containsKey("dag_id") || cue.foundIn(lower, hasWord, substringsInText::contains)
                            || lower.contains("dag run")
                    : foundInText.test(cue);
            if (found) {
                if (!cue.system().equals(system)) {
                    entities.put("orchestrator", cue.system());
                }
                break;
            }
        }
        return entities;
    }

    /**
     * Identifiers sit in the first lines (task header, alert fields) and the last ones (Airflow's
     * "Marking task as FAILED" summary); a huge paste is searched only there, which keeps
     * extraction linear and fast.
     */
    private static String headAndTail(String text) {
        if (text.length() <= 2 * EDGE_CHARS) {
            return text;
        }
        return text.substring(0, EDGE_CHARS) + "\n" + text.substring(text.length() - EDGE_CHARS);
    }

    private static String findSystem(Predicate<SystemCue> found, boolean skipOrchestrators) {
        for (SystemCue cue : SYSTEMS) {
            if (skipOrchestrators && ORCHESTRATORS.contains(cue.system())) {
                continue;
            }
            if (found.test(cue)) {
                return cue.system();
            }
        }
        return null;
    }

    /**
     * The first value of the first cue that has one. A cue's pattern runs only on the lines that
     * contain one of its triggers (a whole-text {@code find()} costs tens of nanoseconds per
     * character and pattern), in text order.
     */
    private static java.util.Optional<String> firstMatch(String text, String lower, List<Cue> cues,
                                                         Map<String, List<Integer>> triggerLines) {
        for (Cue cue : cues) {
            Matcher m = cue.pattern().matcher(lower).useTransparentBounds(true);
            for (int lineStart : TriggerLines.anyOf(triggerLines, cue.triggers())) {
                int lineEnd = lower.indexOf('\n', lineStart);
                m.region(lineStart, lineEnd < 0 ? lower.length() : lineEnd);
                while (m.find()) {
                    String value = trimValue(text.substring(m.start(1), m.end(1)));
                    if (!value.isEmpty() && !value.toLowerCase(Locale.ROOT).equals("none") && cue.accepts().test(value)) {
                        return java.util.Optional.of(value);
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }

    private static String trimValue(String value) {
        String v = value.strip();
        while (!v.isEmpty() && ".,:;".indexOf(v.charAt(v.length() - 1)) >= 0) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }
}
