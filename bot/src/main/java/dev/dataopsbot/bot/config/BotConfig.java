package dev.dataopsbot.bot.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.dataopsbot.knowledge.incident.PostgresUrl;

/**
 * Configuration, read once from the environment (the only place that reads it) and overridden
 * by command-line flags. Paths are validated here so that a typo stops start-up with the
 * variable's name instead of failing later.
 *
 * @param dataDir     where the SQLite database and indexes live ({@code DATAOPS_DATA_DIR}, default {@code ./data})
 * @param runbooksDir a runbook folder replacing the bundled runbooks ({@code DATAOPS_RUNBOOKS_DIR})
 * @param rulesDir    extra DRL files loaded beside the bundled rules ({@code DATAOPS_RULES_DIR})
 * @param routingFile the routing file: who is told, dataset tiers, severity floors ({@code DATAOPS_ROUTING_FILE});
 *                    without one, the taxonomy's escalation and severity stand
 * @param databaseUrl the PostgreSQL incident store several replicas share ({@code DATAOPS_DATABASE_URL}); without
 *                    one, the SQLite file in {@code dataDir}. The data folder still holds the local indexes.
 */
public record BotConfig(Path dataDir, Optional<Path> runbooksDir, Optional<Path> rulesDir, Optional<Path> routingFile,
                        Optional<PostgresUrl> databaseUrl) {

    public static final String DATA_DIR = "DATAOPS_DATA_DIR";
    public static final String RUNBOOKS_DIR = "DATAOPS_RUNBOOKS_DIR";
    public static final String RULES_DIR = "DATAOPS_RULES_DIR";
    public static final String ROUTING_FILE = "DATAOPS_ROUTING_FILE";
    public static final String DATABASE_URL = "DATAOPS_DATABASE_URL";

    /** As the other constructor, on the SQLite store. */
    public BotConfig(Path dataDir, Optional<Path> runbooksDir, Optional<Path> rulesDir, Optional<Path> routingFile) {
        this(dataDir, runbooksDir, rulesDir, routingFile, Optional.empty());
    }

    public static BotConfig fromEnv(Map<String, String> env) {
        return new BotConfig(
                Path.of(nonBlank(env.get(DATA_DIR)).orElse("./data")),
                nonBlank(env.get(RUNBOOKS_DIR)).map(Path::of),
                nonBlank(env.get(RULES_DIR)).map(Path::of),
                nonBlank(env.get(ROUTING_FILE)).map(Path::of),
                nonBlank(env.get(DATABASE_URL)).map(url -> databaseUrl(url, DATABASE_URL)));
    }

    /**
     * @throws ConfigException naming {@code source} and what is wrong, never the password
     */
    private static PostgresUrl databaseUrl(String url, String source) {
        try {
            return PostgresUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source + ": " + e.getMessage());
        }
    }

    /** This configuration with the {@code --database-url} flag applied (null keeps the current value). */
    public BotConfig withDatabaseUrlFlag(String databaseUrlFlag) {
        return databaseUrlFlag == null ? this : new BotConfig(dataDir, runbooksDir, rulesDir, routingFile,
                Optional.of(databaseUrl(databaseUrlFlag, "--database-url")));
    }

    /** This configuration with command-line flags applied (a null flag keeps the current value). */
    public BotConfig withFlags(Path dataDirFlag, Path runbooksDirFlag, Path rulesDirFlag) {
        return new BotConfig(
                dataDirFlag != null ? dataDirFlag : dataDir,
                runbooksDirFlag != null ? Optional.of(runbooksDirFlag) : runbooksDir,
                rulesDirFlag != null ? Optional.of(rulesDirFlag) : rulesDir,
                routingFile, databaseUrl);
    }

    /** This configuration with the {@code --routing} flag applied (null keeps the current value). */
    public BotConfig withRoutingFlag(Path routingFileFlag) {
        return routingFileFlag == null ? this
                : new BotConfig(dataDir, runbooksDir, rulesDir, Optional.of(routingFileFlag), databaseUrl);
    }

    /** Checks that configured folders exist, naming the variable or flag to fix. */
    public BotConfig validated() {
        runbooksDir.ifPresent(dir -> requireDirectory(dir, RUNBOOKS_DIR + " / --runbooks", "a folder of .md runbooks"));
        rulesDir.ifPresent(dir -> requireDirectory(dir, RULES_DIR + " / --rules", "a folder of .drl rule files and .tsv catalogues"));
        routingFile.ifPresent(file -> {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigException(ROUTING_FILE + " / --routing: '" + file + "' is not a readable file; point it at "
                        + "a routing.yaml (see examples/routing.yaml) or unset it to keep the taxonomy's escalation");
            }
        });
        if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
            throw new ConfigException(DATA_DIR + " / --data-dir: '" + dataDir + "' is a file; point it at a folder (it is created if missing)");
        }
        return this;
    }

    private static void requireDirectory(Path dir, String name, String what) {
        if (!Files.isDirectory(dir)) {
            throw new ConfigException(name + ": '" + dir + "' is not a directory; point it at " + what + " or unset it to use the bundled ones");
        }
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
