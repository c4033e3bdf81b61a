package dev.dataopsbot.bot.cli;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/** {@code TC-<n>}: a team case as the {@code cases} commands name it; a malformed key is a usage error. */
record TeamCaseKey(long id) {

    private static final Pattern FORMAT = Pattern.compile("(?i)(?:TC-?)?(\\d{1,18})");

    /** Reads {@code TC-7}, {@code tc-7} or {@code 7}. */
    static TeamCaseKey parse(String text) {
        Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) < 1) {
            throw new IllegalArgumentException("'" + text + "' is not a team case key; expected TC-<number>, e.g. TC-3 "
                    + "(see `cases list`)");
        }
        return new TeamCaseKey(Long.parseLong(m.group(1)));
    }

    @Override
    public String toString() {
        return "TC-" + id;
    }

    /** For {@code @Parameters(converter = ...)}. */
    static final class Converter implements CommandLine.ITypeConverter<TeamCaseKey> {
        @Override
        public TeamCaseKey convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
