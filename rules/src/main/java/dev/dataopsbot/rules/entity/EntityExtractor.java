package dev.dataopsbot.rules.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pulls the identifiers a responder needs out of alert text: which DAG, task, run, model or
 * table, which system failed, on which host, with which error code. Each entity is taken from
 * the first pattern that matches; patterns are ordered from the most to the least reliable
 * (a structured {@code dag_id=} field beats a free-text {@code DAG:} line).
 */
public final class EntityExtractor {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.MULTILINE;
    private static final String ID = "([A-Za-z0-9_][\\w.\\-]{0,249})";

    private static final Map<String, List<Pattern>> PATTERNS = new LinkedHashMap<>();

    static {
        PATTERNS.put("dag_id", compile(
                "\\bdag_id=" + ID,
                "<TaskInstance: ([\\w\\-]{1,250})\\.[\\w.\\-]{1,250} ",
                "^\\W{0,3}dag\\W{0,3}:[ \\t]{0,5}" + ID,
                "\\bDAG run failed: " + ID,
                "\\bdag[ _]id[\"']?[:=][ \\t]{0,3}[\"']?" + ID));
        PATTERNS.put("task_id", compile(
                "\\btask_id=" + ID,
                "<TaskInstance: [\\w\\-]{1,250}\\.([\\w.\\-]{1,250}) ",
                "^\\W{0,3}task\\W{0,3}:[ \\t]{0,5}" + ID,
                "\\bExecuting <Task\\(\\w{1,100}\\): ([\\w.\\-]{1,250})>",
                "\\btask[ _]id[\"']?[:=][ \\t]{0,3}[\"']?" + ID));
        PATTERNS.put("run_id", compile(
                "\\brun_id=([^\\s,]{1,250})",
                "^\\W{0,3}run(?:[ _]id)?\\W{0,3}:[ \\t]{0,5}([^\\s,]{1,250})",
                "\\b((?:scheduled|manual|backfill|dataset_triggered|asset_triggered)__[\\w:+.\\-]{8,60})",
                "\\bjob[ _]run[ _]id\\W{0,3}[:=][ \\t]{0,3}(\\w{1,100})"));
        PATTERNS.put("model", compile(
                "\\b(?:in|for) model ([\\w.\\-]{1,250})",
                "\\bmodel\\.[\\w\\-]{1,100}\\.([\\w\\-]{1,250})",
                "^\\W{0,3}(?:failed_)?model\\W{0,3}:[ \\t]{0,5}" + ID));
        PATTERNS.put("test", compile(
                "\\bFailure in test ([\\w.\\-]{1,250})",
                "\\b(?:Warning|Error) in test ([\\w.\\-]{1,250})",
                "\\bexpectation_type\"?:[ \\t]{0,3}\"?(\\w{1,200})"));
        PATTERNS.put("table", compile(
                "\\b(?:table|relation)[ \\t]{1,3}[`'\"]?([\\w\\-]{1,120}[:.][\\w.\\-]{1,250}|[\\w]{2,250})[`'\"]?",
                "\\b(?:on|to|into|from) table [`'\"]?([\\w.:\\-]{2,250})",
                "^\\W{0,3}table\\W{0,3}:[ \\t]{0,5}([\\w.:\\-]{1,250})",
                "\\bLoad failed for ([\\w.]{3,250})",
                "\\btableId\"?:[ \\t]{0,3}\"([\\w\\-]{1,250})\""));
        PATTERNS.put("host", compile(
                "\\bon host ([\\w.\\-]{1,253})",
                "\\bserver at \"([\\w.\\-]{1,253})\"",
                "\\bhost='([\\w.\\-]{1,253})'",
                "^\\W{0,3}(?:host|hostname|instance|node)\\W{0,3}:[ \\t]{0,5}([\\w.\\-:]{1,253})",
                "\\bConnection to node -?\\d{1,5} \\(([\\w.\\-]{1,253})[/:]",
                "\\bhost \"([\\w.\\-]{1,253})\"",
                "\\bconnect to ([\\w.\\-]{3,253}):\\d{2,5}"));
        PATTERNS.put("error_code", compile(
                "\\bAn error occurred \\((\\w{2,64})\\)",
                "\\b(\\d{6}) \\([0-9A-Z]{5}\\)",
                "'C': '([0-9A-Z]{5})'",
                "\\bORA-(\\d{5})",
                "\\breason: (\\w{4,64})",
                "\\b(?:HTTP(?: status)?|status code|Error:?|error code:?)[ \\t]{0,3}([45]\\d\\d)\\b",
                "\\b([45]\\d\\d) (?:Client|Server) Error",
                "\\b([45]\\d\\d) (?:Too Many Requests|Forbidden|Unauthorized|Bad Gateway|Service Unavailable|Gateway Time-?out|Not Found|Internal Server Error)",
                "\\(([45]\\d\\d)\\) Reason",
                "\\bexit(?:ed with)?[ _]code:?[ \\t]{0,3}(\\d{1,3})",
                "\\breturn code (\\d{1,3})",
                "\\bERROR:[ \\t]{0,3}(\\d{3,5})\\b",
                "\\bpsycopg2?\\.errors\\.(\\w{3,64})"));
        PATTERNS.put("namespace", compile("^\\W{0,3}namespace\\W{0,3}:[ \\t]{0,5}" + ID,
                "\\bin the namespace \"([\\w\\-]{1,100})\""));
        PATTERNS.put("pod", compile("^\\W{0,3}pod\\W{0,3}:[ \\t]{0,5}" + ID,
                "\\bpod[/ ]([a-z0-9][a-z0-9.\\-]{2,252})"));
        PATTERNS.put("topic", compile("^\\W{0,3}topic\\W{0,3}:[ \\t]{0,5}" + ID,
                "\\bon topic ([\\w.\\-]{1,249})"));
    }

    /** System names in priority order: the first one found on an evidence line wins, then in the whole text. */
    private static final Map<String, Pattern> SYSTEMS = new LinkedHashMap<>();

    static {
        SYSTEMS.put("snowflake", Pattern.compile("snowflake|snowpipe|snowsql|\\b\\d{6} \\((?:08001|42501|42000|57014|22000|02000|0A000|42S02|22018|P0000|08004)\\)", FLAGS));
        SYSTEMS.put("bigquery", Pattern.compile("bigquery|\\bbq\\b", FLAGS));
        SYSTEMS.put("redshift", Pattern.compile("redshift|stl_load_errors|svl_|stv_", FLAGS));
        SYSTEMS.put("postgres", Pattern.compile("postgres|psycopg|\\bpsql\\b|pg_stat|pgbouncer|libpq", FLAGS));
        SYSTEMS.put("mysql", Pattern.compile("mysql|mariadb|pymysql", FLAGS));
        SYSTEMS.put("databricks", Pattern.compile("databricks", FLAGS));
        SYSTEMS.put("spark", Pattern.compile("spark|\\byarn\\b|executorlost|pyspark", FLAGS));
        SYSTEMS.put("kafka", Pattern.compile("kafka|consumer ?group|\\bschema registry\\b", FLAGS));
        SYSTEMS.put("great_expectations", Pattern.compile("great_expectations|great expectations|\\bexpect_[a-z_]{3,80}|\"expectation_config\"", FLAGS));
        SYSTEMS.put("soda", Pattern.compile("\\bsoda\\b", FLAGS));
        SYSTEMS.put("s3", Pattern.compile("\\bs3a?://|\\bs3\\b|(?:Put|Get|Head|List|Delete)Object|NoSuchBucket|NoSuchKey", FLAGS));
        SYSTEMS.put("aws", Pattern.compile("botocore|boto3|amazonaws|\\baws\\b|\\bathena\\b|\\bglue\\b|\\bsts\\b|\\bmacie\\b|\\bkinesis\\b|dynamodb|\\biam\\b|arn:aws", FLAGS));
        SYSTEMS.put("gcs", Pattern.compile("\\bgs://|\\bgcs\\b|storage\\.googleapis", FLAGS));
        SYSTEMS.put("gcp", Pattern.compile("google\\.|googleapis|\\bgcp\\b|gcloud|pubsub|\\bdlp\\b|dlpJobs|service ?account", FLAGS));
        SYSTEMS.put("kubernetes", Pattern.compile("kubernetes|kubectl|\\bkube|\\bpod\\b|oomkilled|crashloopbackoff|\\bkubelet\\b|createcontainerconfigerror", FLAGS));
        SYSTEMS.put("dbt", Pattern.compile("\\bdbt\\b|\\bin model\\b|\\bFailure in test\\b|dbt_project", FLAGS));
        SYSTEMS.put("airflow", Pattern.compile("airflow|taskinstance|\\bdag_id\\b|broken dag|\\bDAG\\b", FLAGS));
    }

    private static final List<String> ORCHESTRATORS = List.of("airflow", "dbt", "kubernetes");

    private static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes).map(r -> Pattern.compile(r, FLAGS)).toList();
    }

    /**
     * @param text          the normalised, redacted alert text
     * @param evidenceLines the lines that carry evidence, searched first for the failing system
     */
    public Map<String, String> extract(String text, List<String> evidenceLines) {
        Map<String, String> entities = new LinkedHashMap<>();
        PATTERNS.forEach((name, patterns) -> firstMatch(text, patterns).ifPresent(v -> entities.put(name, v)));
        String system = findSystem(String.join("\n", evidenceLines), true);
        if (system == null) {
            system = findSystem(text, true);
        }
        if (system == null) {
            system = findSystem(text, false);
        }
        if (system != null) {
            entities.put("system", system);
        }
        for (String orchestrator : ORCHESTRATORS) {
            if (!orchestrator.equals(system) && SYSTEMS.get(orchestrator).matcher(text).find()) {
                entities.put("orchestrator", orchestrator);
                break;
            }
        }
        return entities;
    }

    private static String findSystem(String text, boolean skipOrchestrators) {
        for (Map.Entry<String, Pattern> e : SYSTEMS.entrySet()) {
            if (skipOrchestrators && ORCHESTRATORS.contains(e.getKey())) {
                continue;
            }
            if (e.getValue().matcher(text).find()) {
                return e.getKey();
            }
        }
        return null;
    }

    private static java.util.Optional<String> firstMatch(String text, List<Pattern> patterns) {
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String value = trimValue(m.group(1));
                if (!value.isEmpty() && !value.toLowerCase(Locale.ROOT).equals("none")) {
                    return java.util.Optional.of(value);
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
