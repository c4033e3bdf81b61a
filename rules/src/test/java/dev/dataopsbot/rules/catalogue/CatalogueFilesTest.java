package dev.dataopsbot.rules.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The bundled catalogue files: all listed, all loading cleanly, each naming its source and licence. */
class CatalogueFilesTest {

    private static final Path FOLDER = Path.of("src/main/resources", Catalogues.BUNDLED_FOLDER);

    @Test
    void every_catalogue_file_is_listed_and_loads_without_problems() throws IOException {
        Set<String> files;
        try (Stream<Path> list = Files.list(FOLDER)) {
            files = list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv")).collect(Collectors.toSet());
        }
        Catalogues bundled = Catalogues.bundled();
        assertEquals(files, bundled.all().stream().map(c -> c.name() + ".tsv").collect(Collectors.toSet()));
        assertEquals(java.util.List.of(), bundled.problems());
        Catalogues fromFolder = Catalogues.fromFolder(FOLDER);
        assertEquals(java.util.List.of(), fromFolder.problems(), "rules check on the source folder");
    }

    @Test
    void every_catalogue_names_where_its_list_came_from() {
        for (CodeCatalogue catalogue : Catalogues.bundled().all()) {
            assertTrue(!catalogue.sources().isEmpty() && !catalogue.licence().isBlank(), catalogue.name());
            assertTrue(catalogue.entries().size() >= 10, catalogue.name() + " has " + catalogue.entries().size() + " entries");
        }
        assertTrue(Catalogues.bundled().entryCount() >= 1_500, "entries: " + Catalogues.bundled().entryCount());
    }
}
