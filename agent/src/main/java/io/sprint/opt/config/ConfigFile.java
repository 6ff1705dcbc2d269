package io.sprint.opt.config;

import io.sprint.opt.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code config=PATH} file: lines of {@code key=value} (or {@code key: value}), {@code #} and
 * {@code !} comments. Read as a premain reads it, before the application runs, so it must never
 * block and never say what it holds: only a regular file of at most {@value #MAX_BYTES} bytes is
 * opened (a FIFO or a device would block or never end), and errors name the key and the line,
 * never a value (a config that is a symlink to a secret must not print the secret). Like sshd's
 * StrictModes, a file anyone may write, or one owned by another user than the JVM's or root, is
 * refused: its options decide which threads run at real-time priority.
 */
final class ConfigFile {
    static final int MAX_BYTES = 64 * 1024;
    /** What a key looks like; anything else on the left of '=' is not repeated in messages. */
    private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    /** A value from the file and the line it came from (for messages that must not repeat it). */
    record Entry(String value, int line) {
    }

    private final String path;

    private ConfigFile(String path) {
        this.path = path;
    }

    /** @throws OptionException naming the file and what is wrong with it, never its contents */
    static Map<OptionKey, Entry> read(String path) {
        return new ConfigFile(path.trim()).read();
    }

    private Map<OptionKey, Entry> read() {
        Path file = Path.of(path);
        checkKind(file);
        return parse(new String(readBounded(file), StandardCharsets.UTF_8));
    }

    private void checkKind(Path file) {
        BasicFileAttributes attributes;
        try {
            if (Files.isSymbolicLink(file)) {
                Log.info("config=%s is a symbolic link to %s", path, file.toRealPath());
            }
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            throw OptionException.config(path, "cannot read it (" + reason(e) + ")");
        }
        if (!attributes.isRegularFile()) {
            throw OptionException.config(path, "it is " + (attributes.isDirectory() ? "a directory"
                    : "not a regular file (a FIFO, socket or device)"));
        }
        if (attributes.size() > MAX_BYTES) {
            throw OptionException.config(path, "it is larger than " + MAX_BYTES / 1024 + " KiB");
        }
        checkOwnership(file);
    }

    private void checkOwnership(Path file) {
        PosixFileAttributes posix;
        try {
            posix = Files.readAttributes(file, PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return; // Windows: its ACLs are not ours to judge
        } catch (IOException | SecurityException e) {
            throw OptionException.config(path, "cannot read it (" + reason(e) + ")");
        }
        if (posix.permissions().contains(PosixFilePermission.OTHERS_WRITE)) {
            throw OptionException.config(path, "anyone may write it (mode "
                    + PosixFilePermissions.toString(posix.permissions())
                    + "); chmod o-w it");
        }
        String owner = posix.owner().getName();
        String user = System.getProperty("user.name", "");
        if (!owner.equals(user) && !owner.equals("root")) {
            throw OptionException.config(path, "it is owned by " + owner + ", not by "
                    + (user.equals("root") ? "root" : user + " or root"));
        }
    }

    /** At most MAX_BYTES + 1 bytes: a file that grew since it was checked is still refused. */
    private byte[] readBounded(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw OptionException.config(path, "it is larger than " + MAX_BYTES / 1024 + " KiB");
            }
            return bytes;
        } catch (IOException | SecurityException e) {
            throw OptionException.config(path, "cannot read it (" + reason(e) + ")");
        }
    }

    private Map<OptionKey, Entry> parse(String text) {
        Map<OptionKey, Entry> entries = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int number = i + 1;
            int separator = separator(line);
            if (separator <= 0) {
                throw OptionException.config(path, "line " + number + " is not key=value");
            }
            String name = line.substring(0, separator).strip();
            OptionKey key = OptionKey.byKey(name);
            if (key == null) {
                throw OptionException.config(path, "line " + number + " has "
                        + (KEY_SHAPE.matcher(name).matches() ? "the unknown key '" + name + "'" : "no known key")
                        + "; the keys are " + OptionKey.allKeys());
            }
            if (key == OptionKey.CONFIG) {
                throw OptionException.config(path, "line " + number + ": a config file cannot name another config file");
            }
            entries.put(key, new Entry(line.substring(separator + 1).strip(), number));
        }
        return entries;
    }

    private static int separator(String line) {
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
    }

    /** An I/O failure without the file's contents: its type and the OS's reason. */
    private static String reason(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
