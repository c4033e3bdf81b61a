package dev.dataopsbot.knowledge.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataopsbot.knowledge.index.BundledDirectory;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The prebuilt index of the bundled runbooks as classpath resources: the Lucene files, a list of
 * them, and the parsed runbooks as JSON. Written by {@link RunbookIndexBundler} during the build.
 */
record BundledRunbookIndex(List<Runbook> runbooks, Directory directory) {

    static final String FOLDER = "dev/dataopsbot/knowledge/runbook-index/";
    static final String RUNBOOKS_JSON = "runbooks.json";

    static BundledRunbookIndex load() throws IOException {
        ClassLoader loader = BundledRunbookIndex.class.getClassLoader();
        List<Runbook> runbooks;
        try (InputStream in = BundledDirectory.resource(loader, FOLDER, RUNBOOKS_JSON)) {
            runbooks = new ObjectMapper().readValue(in, new TypeReference<List<Runbook>>() { });
        }
        return new BundledRunbookIndex(runbooks, BundledDirectory.load(loader, FOLDER));
    }

    /** Writes the bundle for {@code runbooks} into {@code folder} (the build's classes folder + {@link #FOLDER}). */
    static void write(List<Runbook> runbooks, Path folder) throws IOException {
        try (Directory directory = new ByteBuffersDirectory()) {
            RunbookIndex.write(runbooks, directory, new org.apache.lucene.analysis.en.EnglishAnalyzer());
            BundledDirectory.write(directory, folder);
        }
        new ObjectMapper().writeValue(folder.resolve(RUNBOOKS_JSON).toFile(), runbooks);
    }
}
