package dev.dataopsbot.bot.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import dev.dataopsbot.bot.config.BotConfig;
import dev.dataopsbot.bot.incident.IncidentKnowledge;
import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.StoreException;
import picocli.CommandLine.Option;

/** {@code --data-dir} and {@code --database-url} for the commands that read or change recorded incidents. */
final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Where the database and indexes live (env DATAOPS_DATA_DIR, default ./data).")
    Path dataDir;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "The PostgreSQL incident store, postgresql://user:password@host:port/db or jdbc:postgresql://... "
                    + "(env DATAOPS_DATABASE_URL; default: SQLite in the data folder).")
    String databaseUrl;

    BotConfig config(CliContext context) {
        return BotConfig.fromEnv(context.env()).withFlags(dataDir, null, null).withDatabaseUrlFlag(databaseUrl).validated();
    }

    /**
     * Opens the incident store of an existing database. Only {@code triage} creates one, so a
     * mistyped folder is reported instead of answered with an empty, new database.
     */
    IncidentKnowledge openExisting(CliContext context) {
        BotConfig config = config(context);
        if (config.databaseUrl().isPresent()) {
            return IncidentKnowledge.open(config, 1, Clock.systemUTC());
        }
        Path folder = config.dataDir();
        Path file = folder.resolve(IncidentDatabase.FILE_NAME);
        if (!Files.exists(file)) {
            throw new StoreException("no incident database at " + file + " yet: `triage` records the first incident "
                    + "(or point DATAOPS_DATA_DIR/--data-dir at the folder that has one)");
        }
        return IncidentKnowledge.open(folder, Clock.systemUTC());
    }
}
