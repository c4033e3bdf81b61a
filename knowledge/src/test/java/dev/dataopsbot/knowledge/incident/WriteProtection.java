package dev.dataopsbot.knowledge.incident;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Makes a folder or file read-only for this process, even when tests run as root (where
 * permission bits stop nothing): it removes the write bits and, when writing still works, sets
 * the immutable attribute with {@code chattr +i}. When neither stops a write, the test is
 * skipped (an assumption), never faked. Closing restores the path.
 */
final class WriteProtection implements AutoCloseable {

    private final Path path;
    private final Set<PosixFilePermission> permissions;
    private boolean immutable;

    private WriteProtection(Path path) throws IOException {
        this.path = path;
        this.permissions = Files.getPosixFilePermissions(path);
    }

    static WriteProtection of(Path path) throws IOException, InterruptedException {
        WriteProtection protection = new WriteProtection(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
        if (canWrite(path)) {
            protection.immutable = chattr("+i", path);
        }
        boolean protectedNow = !canWrite(path);
        if (!protectedNow) {
            protection.close();
        }
        assumeTrue(protectedNow, "cannot make " + path + " read-only here: running as root without chattr "
                + "(or on a file system without the immutable attribute)");
        return protection;
    }

    /** Really tries to write: creates and deletes a file in a folder, opens a file for appending. */
    private static boolean canWrite(Path path) {
        try {
            if (Files.isDirectory(path)) {
                Files.delete(Files.createFile(path.resolve(".write-probe")));
            } else {
                try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.APPEND)) {
                    out.flush();
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean chattr(String flag, Path path) throws InterruptedException {
        try {
            Process chattr = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return chattr.waitFor(10, TimeUnit.SECONDS) && chattr.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (immutable && !chattr("-i", path)) {
            throw new IOException("cannot lift chattr +i from " + path + "; run `chattr -i " + path + "`");
        }
        Files.setPosixFilePermissions(path, permissions);
    }
}
