package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data folders and database files this process may not write. */
class ReadOnlyDataFolderTest {

    @TempDir
    Path temp;

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T03:12:10.250Z"));

    @Test
    void a_read_only_data_folder_is_refused_and_nothing_is_created() throws Exception {
        Path dataDir = Files.createDirectory(temp.resolve("data"));
        try (WriteProtection readOnly = WriteProtection.of(dataDir)) {
            StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(dataDir));
            assertTrue(e.getMessage().startsWith("cannot create " + dataDir.resolve(IncidentDatabase.FILE_NAME)
                    + ": the data folder is read-only"), e.getMessage());
        }
        assertEquals(List.of(), list(dataDir));
    }

    @Test
    void a_data_folder_inside_a_read_only_folder_is_refused() throws Exception {
        Path parent = Files.createDirectory(temp.resolve("parent"));
        Path dataDir = parent.resolve("data");
        try (WriteProtection readOnly = WriteProtection.of(parent)) {
            StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(dataDir));
            assertTrue(e.getMessage().startsWith("cannot create the data folder " + dataDir + ": "), e.getMessage());
            assertTrue(e.getMessage().endsWith("point DATAOPS_DATA_DIR/--data-dir at a writable folder"), e.getMessage());
        }
        assertEquals(List.of(), list(parent));
    }

    @Test
    void an_existing_database_in_a_read_only_folder_is_refused_and_left_alone() throws Exception {
        Path file = databaseWithOneIncident();
        byte[] before = Files.readAllBytes(file);
        try (WriteProtection readOnly = WriteProtection.of(temp)) {
            StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(temp));
            assertTrue(e.getMessage().startsWith("cannot open " + file + ": the data folder is read-only"),
                    e.getMessage());
        }
        assertEquals(List.of(IncidentDatabase.FILE_NAME), list(temp));
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void a_read_only_database_file_can_be_read_but_a_write_fails_naming_the_file_and_changes_nothing() throws Exception {
        Path file = databaseWithOneIncident();
        byte[] before = Files.readAllBytes(file);
        try (WriteProtection readOnly = WriteProtection.of(file); IncidentDatabase db = IncidentDatabase.open(temp)) {
            IncidentStore store = new IncidentStore(db, clock);
            assertEquals(1, store.list(false, 10).size());
            StoreException e = assertThrows(StoreException.class,
                    () -> store.record(Alerts.expiredToken("orders_daily", "load_customers")));
            assertEquals("cannot record the alert in " + file + ": the database is read-only: check the permissions "
                    + "of the file and its folder", e.getMessage());
            assertEquals(1, store.list(false, 10).size());
        }
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void a_file_in_place_of_the_data_folder_is_refused_and_left_alone() throws Exception {
        Path notAFolder = Files.writeString(temp.resolve("data"), "not a folder");
        StoreException e = assertThrows(StoreException.class, () -> IncidentDatabase.open(notAFolder));
        assertEquals("cannot create the data folder " + notAFolder + ": a file of that name is in the way; "
                + "point DATAOPS_DATA_DIR/--data-dir at a writable folder", e.getMessage());
        Path below = notAFolder.resolve("data");
        StoreException inside = assertThrows(StoreException.class, () -> IncidentDatabase.open(below));
        assertTrue(inside.getMessage().startsWith("cannot create the data folder " + below + ": "), inside.getMessage());
        assertEquals("not a folder", Files.readString(notAFolder));
    }

    private Path databaseWithOneIncident() {
        try (IncidentDatabase db = IncidentDatabase.open(temp)) {
            new IncidentStore(db, clock).record(Alerts.expiredToken("orders_daily", "load_orders"));
            return db.file().orElseThrow();
        }
    }

    private static List<String> list(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
