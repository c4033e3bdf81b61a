package dev.dataopsbot.bot.triage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code triage --batch}: JSON Lines in, one JSON result per non-blank input line out, in input
 * order, each carrying the input's {@code id}. Lines are triaged on a small thread pool; a
 * bounded window keeps memory flat for any input size. A bad line yields {@code "error"} for
 * its id and the batch goes on.
 */
public final class BatchTriage {

    /** Lines longer than this are rejected (an alert is capped at 1 MiB anyway). */
    static final int MAX_LINE_CHARS = 16 << 20;

    private static final Pattern QUOTED = Pattern.compile("'[^'\\n]{0,2000}'");

    private final Function<String, Triage> triage;
    private final TriageJson json;
    private final ObjectMapper mapper;
    private final int threads;

    public record Summary(int lines, int errors) {
    }

    /** @param triage triages (and records, unless a dry run) one alert text; called from several threads */
    public BatchTriage(Function<String, Triage> triage, TriageJson json, ObjectMapper mapper, int threads) {
        this.triage = triage;
        this.json = json;
        this.mapper = mapper;
        this.threads = threads;
    }

    public Summary run(Reader in, PrintStream out) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "triage-batch");
            t.setDaemon(true);
            return t;
        });
        Deque<Future<Result>> window = new ArrayDeque<>();
        int lines = 0;
        int errors = 0;
        try {
            LineReader reader = new LineReader(in, MAX_LINE_CHARS);
            LineReader.Line line;
            int number = 0;
            while ((line = reader.next()) != null) {
                number++;
                if (!line.tooLong() && line.text().isBlank()) {
                    continue;
                }
                LineReader.Line current = line;
                int lineNumber = number;
                window.add(pool.submit(() -> process(current, lineNumber)));
                lines++;
                if (window.size() >= threads * 8) {
                    errors += write(window.poll(), out);
                }
            }
            while (!window.isEmpty()) {
                errors += write(window.poll(), out);
            }
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        return new Summary(lines, errors);
    }

    private record Result(String json, boolean error) {
    }

    private int write(Future<Result> future, PrintStream out) {
        try {
            Result result = future.get();
            out.println(result.json());
            return result.error() ? 1 : 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("batch interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch worker failed", e.getCause());
        }
    }

    private Result process(LineReader.Line line, int number) throws JsonProcessingException {
        if (line.tooLong()) {
            return error(null, number, "line is longer than " + (MAX_LINE_CHARS >> 20) + " MiB");
        }
        JsonNode node;
        try {
            node = mapper.readTree(line.text());
        } catch (JsonProcessingException e) {
            return error(null, number, "not valid JSON: " + withoutExcerpts(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return error(null, number, "expected a JSON object with \"id\" and \"text\"");
        }
        JsonNode id = node.get("id");
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            return error(id, number, "missing string field \"text\"");
        }
        try {
            ObjectNode result = mapper.createObjectNode();
            result.set("id", id);
            result.setAll(json.render(triage.apply(text.asText())));
            return new Result(mapper.writeValueAsString(result), false);
        } catch (EmptyAlertException e) {
            return error(id, number, e.getMessage());
        } catch (RuntimeException e) {
            return error(id, number, "triage failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /**
     * Jackson quotes the token it choked on ({@code Unrecognized token 'ghp_...'}); the line was not
     * redacted (it is not JSON), so the quote is left out of the result.
     */
    private static String withoutExcerpts(String message) {
        return message == null ? "" : QUOTED.matcher(message).replaceAll("'…'");
    }

    private Result error(JsonNode id, int number, String message) throws JsonProcessingException {
        ObjectNode result = mapper.createObjectNode();
        result.set("id", id);
        result.put("line", number);
        result.put("error", message);
        return new Result(mapper.writeValueAsString(result), true);
    }
}
