package dev.dataopsbot.knowledge.testdb;

import java.nio.file.Path;

import dev.dataopsbot.knowledge.incident.IncidentDatabase;
import dev.dataopsbot.knowledge.incident.PostgresUrl;

/**
 * The engines the store's tests run on: a test class annotated
 * {@code @ParameterizedClass @ValueSource(strings = {TestStores.SQLITE, TestStores.POSTGRESQL})}
 * runs every test twice, once on a fresh SQLite file and once on a fresh PostgreSQL database
 * ({@link TestPostgres#freshDatabase()}, skipped or failed as it says when there is no server).
 */
public final class TestStores {

    public static final String SQLITE = "sqlite";
    public static final String POSTGRESQL = "postgresql";

    private TestStores() {
    }

    /** A fresh, migrated store on {@code engine}: an SQLite file in {@code dir}, or a new PostgreSQL database. */
    public static IncidentDatabase open(String engine, Path dir) {
        return switch (engine) {
            case SQLITE -> IncidentDatabase.open(dir);
            case POSTGRESQL -> IncidentDatabase.open(PostgresUrl.parse(TestPostgres.freshDatabase()), 4);
            default -> throw new IllegalArgumentException("no such engine: " + engine);
        };
    }
}
