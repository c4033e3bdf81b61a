package dev.dataopsbot.knowledge.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * The prebuilt index of the bundled runbooks as classpath resources: the Lucene files, a list of
 * them, and the parsed runbooks as JSON. Written by {@link RunbookIndexBundler} during the build.
 */
record BundledRunbookIndex(List<Runbook> runbooks, Directory directory) {

    static final String FOLDER = "dev/dataopsbot/knowledge/runbook-index/";
    static final String FILE_LIST = "files.txt";
    static final String RUNBOOKS_JSON = "runbooks.json";

    static BundledRunbookIndex load() throws IOException {
        ClassLoader loader = BundledRunbookIndex.class.getClassLoader();
        List<Runbook> runbooks;
        try (InputStream in = resource(loader, RUNBOOKS_JSON)) {
            runbooks = new ObjectMapper().readValue(in, new TypeReference<List<Runbook>>() { });
        }
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        String files;
        try (InputStream in = resource(loader, FILE_LIST)) {
            files = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : files.split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            try (InputStream in = resource(loader, name.strip());
                 IndexOutput out = directory.createOutput(name.strip(), IOContext.DEFAULT)) {
                byte[] bytes = in.readAllBytes();
                out.writeBytes(bytes, bytes.length);
            }
        }
        return new BundledRunbookIndex(runbooks, directory);
    }

    /** Writes the bundle for {@code runbooks} into {@code folder} (the build's classes folder + {@link #FOLDER}). */
    static void write(List<Runbook> runbooks, Path folder) throws IOException {
        Files.createDirectories(folder);
        try (Directory directory = new ByteBuffersDirectory()) {
            RunbookIndex.write(runbooks, directory, new org.apache.lucene.analysis.en.EnglishAnalyzer());
            List<String> names = new ArrayList<>();
            for (String name : directory.listAll()) {
                if (name.equals("write.lock")) {
                    continue;
                }
                try (var in = directory.openInput(name, IOContext.READONCE)) {
                    byte[] bytes = new byte[(int) in.length()];
                    in.readBytes(bytes, 0, bytes.length);
                    Files.write(folder.resolve(name), bytes);
                }
                names.add(name);
            }
            Files.writeString(folder.resolve(FILE_LIST), String.join("\n", names) + "\n", StandardCharsets.UTF_8);
        }
        new ObjectMapper().writeValue(folder.resolve(RUNBOOKS_JSON).toFile(), runbooks);
    }

    private static InputStream resource(ClassLoader loader, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IOException("bundled runbook index file " + FOLDER + name + " is missing; rebuild with 'mvn -B package'");
        }
        return in;
    }
}
