package dev.dataopsbot.knowledge.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time span a report covers, from {@code since} up to {@code until} (the time it was asked
 * for), both inclusive.
 *
 * @param spec what the user asked for, normalised: {@code 7d}, {@code 12h}, {@code 2026-11-01}
 *             or an instant
 */
public record ReportWindow(String spec, Instant since, Instant until) {

    /** The window when none is given. */
    public static final String DEFAULT_SPEC = "7d";

    private static final Pattern RELATIVE = Pattern.compile("(?i)([-+]?\\d{1,9})\\s*([dh])");
    private static final String FORMS = "expected <n>d or <n>h (e.g. 7d, 30d, 12h), a date (2026-11-01, "
            + "midnight UTC) or an instant (2026-11-01T09:30:00Z)";

    /** @throws IllegalArgumentException when {@code since} is after {@code until} or before 1970 */
    public ReportWindow {
        if (since.isAfter(until)) {
            throw new IllegalArgumentException("the window starts at " + since + ", after its end " + until);
        }
        if (since.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("the window starts at " + since + ", before 1970");
        }
    }

    /**
     * Reads {@code --since}: {@code <n>d} or {@code <n>h} back from now, a date (midnight UTC) or
     * an ISO instant with an offset. Blank or null means {@value #DEFAULT_SPEC}.
     *
     * @throws IllegalArgumentException naming the accepted forms, for a count below 1, a start in
     *                                  the future or before 1970, or anything else
     */
    public static ReportWindow parse(String text, Clock clock) {
        Instant now = clock.instant();
        String spec = text == null || text.isBlank() ? DEFAULT_SPEC : text.strip();
        Matcher relative = RELATIVE.matcher(spec);
        Instant since;
        if (relative.matches()) {
            long count = Long.parseLong(relative.group(1));
            if (count < 1) {
                throw new IllegalArgumentException("--since '" + spec + "': the count must be at least 1; " + FORMS);
            }
            boolean days = relative.group(2).equalsIgnoreCase("d");
            spec = count + (days ? "d" : "h");
            since = now.minus(days ? Duration.ofDays(count) : Duration.ofHours(count));
        } else {
            since = absolute(spec);
            if (since.isAfter(now)) {
                throw new IllegalArgumentException("--since '" + spec + "' is in the future (now is " + now
                        + "); give a past date or a span such as 7d");
            }
        }
        if (since.isBefore(Instant.EPOCH)) {
            throw new IllegalArgumentException("--since '" + spec + "' starts before 1970; " + FORMS);
        }
        return new ReportWindow(spec, since, now);
    }

    private static Instant absolute(String spec) {
        try {
            return LocalDate.parse(spec).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException notADate) {
            try {
                return OffsetDateTime.parse(spec).toInstant();
            } catch (DateTimeParseException notAnInstant) {
                throw new IllegalArgumentException("--since '" + spec + "' is not a window; " + FORMS, notAnInstant);
            }
        }
    }
}
