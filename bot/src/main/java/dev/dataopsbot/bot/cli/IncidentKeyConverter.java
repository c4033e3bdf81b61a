package dev.dataopsbot.bot.cli;

import dev.dataopsbot.knowledge.incident.IncidentKey;
import picocli.CommandLine;

/** Reads {@code INC-12} (or {@code 12}) from the command line; a malformed key is a usage error. */
final class IncidentKeyConverter implements CommandLine.ITypeConverter<IncidentKey> {

    @Override
    public IncidentKey convert(String value) {
        try {
            return IncidentKey.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
