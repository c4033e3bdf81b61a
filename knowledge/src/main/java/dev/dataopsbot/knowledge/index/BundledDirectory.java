package dev.dataopsbot.knowledge.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;

/**
 * A Lucene index built at package time and shipped as classpath resources: its files plus a list
 * of them, so that start-up copies bytes instead of analysing text.
 */
public final class BundledDirectory {

    static final String FILE_LIST = "files.txt";

    private BundledDirectory() {
    }

    /** Writes the files of {@code directory} and their list into {@code folder}. */
    public static void write(Directory directory, Path folder) throws IOException {
        Files.createDirectories(folder);
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

    /** Loads the index written by {@link #write} under the resource folder {@code folder}. */
    public static ByteBuffersDirectory load(ClassLoader loader, String folder) throws IOException {
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        String files;
        try (InputStream in = resource(loader, folder, FILE_LIST)) {
            files = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : files.split("\n")) {
            if (name.isBlank()) {
                continue;
            }
            try (InputStream in = resource(loader, folder, name.strip());
                 IndexOutput out = directory.createOutput(name.strip(), IOContext.DEFAULT)) {
                byte[] bytes = in.readAllBytes();
                out.writeBytes(bytes, bytes.length);
            }
        }
        return directory;
    }

    /** A resource of the bundle, or an error that says to rebuild. */
    public static InputStream resource(ClassLoader loader, String folder, String name) throws IOException {
        InputStream in = loader.getResourceAsStream(folder + name);
        if (in == null) {
            throw new IOException("bundled index file " + folder + name + " is missing; rebuild with 'mvn -B package'");
        }
        return in;
    }
}
