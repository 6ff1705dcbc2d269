package io.sprint.opt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.log.Log;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsParserTest {

    @Test
    void noOptionsMeanBasicAndTheLevelsOwnValues() {
        Options options = OptionsParser.parse(null);
        assertEquals("basic", options.level().toString());
        assertEquals(Level.BASIC, options.level().resolve(0, Map.of()));
        assertFalse(options.strict());
        assertEquals(Log.Verbosity.INFO, options.log());
        assertNull(options.cpus());
        assertEquals(List.of(), options.pin());
        assertEquals("", options.toString());
        assertEquals(options.toString(), OptionsParser.parse("").toString());
    }

    @Test
    void readsEveryKeyOfTheOptionTable() {
        Options options = OptionsParser.parse("level=turbo>enterprise>basic,pin=relay-*;mempool-*,cpus=2-5,8,"
                + "gc=30,mem=80,threads=8,stack=256k,mlock=false,rt=true,pinning=true,hugepages=false,numa=false,"
                + "latency=true,rt.priority=50,metrics=0.0.0.0:9404,hiccup=true,adaptive=false,strict=true,log=debug");
        assertEquals("turbo>enterprise>basic", options.level().toString());
        assertEquals(List.of("relay-*", "mempool-*"), options.pin());
        assertEquals("2-5,8", options.cpus().toString());
        assertEquals(30, options.intOr(OptionKey.GC, 0));
        assertEquals(80, options.intOr(OptionKey.MEM, 0));
        assertEquals(8, options.intOr(OptionKey.THREADS, 0));
        assertEquals(256 * 1024L, options.longOr(OptionKey.STACK, 0));
        assertFalse(options.flagOr(OptionKey.MLOCK, true));
        assertTrue(options.flagOr(OptionKey.RT, false));
        assertEquals(50, options.intOr(OptionKey.RT_PRIORITY, 10));
        assertEquals(new HostPort("0.0.0.0", 9404), options.metrics());
        assertTrue(options.strict());
        assertEquals(Log.Verbosity.DEBUG, options.log());
    }

    @Test
    void aBareTokenContinuesOnlyACpuList() {
        assertEquals("0-1,3,7", OptionsParser.parse("cpus=0-1,3,7,level=turbo").cpus().toString());
        OptionException error = assertThrows(OptionException.class, () -> OptionsParser.parse("level=turbo,3"));
        assertEquals("option '3' is not key=value: options are comma-separated key=value pairs such as"
                + " level=enterprise,pin=relay-*", error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "level=turbp|option level=turbp is not valid: level takes basic, standard, aggressive, enterprise, turbo, auto,"
                + " or a chain such as turbo>enterprise>basic",
        "level=turbo>>basic|option level=turbo>>basic is not valid: level takes basic, standard, aggressive,"
                + " enterprise, turbo, auto, or a chain such as turbo>enterprise>basic",
        "cpus=3-1|option cpus=3-1 is not valid: cpus takes a Linux cpulist such as 2-5,8",
        "cpus=5000|option cpus=5000 is not valid: cpus takes a Linux cpulist such as 2-5,8",
        "gc=0|option gc=0 is not valid: gc takes a GC target percent from 1 to 1000",
        "mem=101|option mem=101 is not valid: mem takes a percent of the maximum heap from 1 to 100",
        "threads=x|option threads=x is not valid: threads takes a thread count from 1 to 32767",
        "stack=-1|option stack=-1 is not valid: stack takes a size in bytes such as 8192, 256k or 1m",
        "mlock=yes|option mlock=yes is not valid: mlock takes true or false",
        "rt.priority=100|option rt.priority=100 is not valid: rt.priority takes an integer from 1 to 99",
        "metrics=host:0|option metrics=host:0 is not valid: metrics takes PORT or HOST:PORT with a port from 1 to 65535",
        "log=verbose|option log=verbose is not valid: log takes quiet, info or debug",
        "pin=relay-*;;x|option pin=relay-*;;x is not valid: pin takes thread-name globs separated by ';', such as"
                + " relay-*;mempool-*",
    })
    void aBadValueNamesTheKeyTheValueAndWhatIsAccepted(String args, String message) {
        assertEquals(message, assertThrows(OptionException.class, () -> OptionsParser.parse(args)).getMessage());
    }

    @Test
    void anUnknownKeyListsTheKnownOnes() {
        OptionException error = assertThrows(OptionException.class, () -> OptionsParser.parse("levle=turbo"));
        assertTrue(error.getMessage().startsWith("option 'levle' (value 'turbo') is not known: the keys are level, pin,"),
                error.getMessage());
    }

    @Test
    void theCommandLineWinsOverTheConfigFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sprint-opt.properties");
        Files.writeString(file, "# production relay\nlevel=enterprise\ncpus=2-5,8\nrt.priority=20\n");
        Options options = OptionsParser.parse("config=" + file + ",rt.priority=30");
        assertEquals("enterprise", options.level().toString());
        assertEquals("2-5,8", options.cpus().toString());
        assertEquals(30, options.intOr(OptionKey.RT_PRIORITY, 0));
        assertEquals("level=enterprise,cpus=2-5,8,rt.priority=30", options.toArgs());
        assertTrue(options.toString().contains("config=" + file));
    }

    @Test
    void aBadConfigFileIsNamedAndItsContentsAreNeverRepeated(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.properties");
        assertEquals("option config=" + missing + " is not valid: cannot read it (no such file); config takes "
                + OptionKey.CONFIG.accepted(), message("config=" + missing));

        Path unknown = Files.writeString(dir.resolve("unknown.properties"), "# relay\nlevel=turbo\nspeed=11\n");
        assertTrue(message("config=" + unknown).startsWith("option config=" + unknown + " is not valid: line 3 has"
                + " the unknown key 'speed'; the keys are level, pin,"), message("config=" + unknown));

        Path bad = Files.writeString(dir.resolve("bad.properties"), "level=turbo\n\ngc=lots-of-secret\n");
        assertEquals("option gc on line 3 of config=" + bad + " is not valid: gc takes a GC target percent from 1 to"
                + " 1000", message("config=" + bad));

        Path notKeyValue = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n");
        assertTrue(message("config=" + notKeyValue).contains("line 1 is not key=value"), message("config=" + notKeyValue));
    }

    /** What /etc/shadow looks like: the key is a user name, the value a password hash. */
    @Test
    void aSymlinkToASecretIsNamedAsALinkAndNothingOfItIsPrinted(@TempDir Path dir) throws IOException {
        String hash = "$6$rounds=5000$abcdefgh$0123456789abcdefghijklmnopqrstuvwxyzABCDEF";
        Path secret = Files.writeString(dir.resolve("shadow"), "root:" + hash + ":19000:0:99999:7:::\n"
                + "daemon:*:19000:0:99999:7:::\n");
        Path link = Files.createSymbolicLink(dir.resolve("sprint-opt.properties"), secret);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Log.setOutput(new PrintStream(log, true, StandardCharsets.UTF_8));
        String message;
        try {
            message = message("config=" + link);
        } finally {
            Log.setOutput(System.err);
        }
        assertTrue(message.startsWith("option config=" + link + " is not valid: line 1 has the unknown key 'root';"),
                message);
        assertEquals("[sprint-opt] config=" + link + " is a symbolic link to " + secret + "\n", log.toString());
        assertFalse(message.contains("$6$") || log.toString().contains("$6$"), message);
        Files.writeString(secret, hash + "\n");
        assertTrue(message("config=" + link).contains("line 1 has no known key;"), message("config=" + link));
        assertFalse(message("config=" + link).contains(hash.substring(3, 12)), message("config=" + link));
    }

    @Test
    void onlyASmallRegularFileOnlyItsOwnerMayWriteIsRead(@TempDir Path dir) throws Exception {
        assertTrue(message("config=" + dir).endsWith("is not valid: it is a directory; config takes "
                + OptionKey.CONFIG.accepted()), message("config=" + dir));

        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals("option config=" + fifo + " is not valid: it is not a regular file (a FIFO, socket or device);"
                + " config takes " + OptionKey.CONFIG.accepted(), message("config=" + fifo));
        assertTrue(message("config=/dev/zero").contains("it is not a regular file"), message("config=/dev/zero"));

        Path large = Files.write(dir.resolve("large.properties"), new byte[ConfigFile.MAX_BYTES + 1]);
        assertTrue(message("config=" + large).contains("it is larger than 64 KiB"), message("config=" + large));

        Path open = Files.writeString(dir.resolve("open.properties"), "level=turbo\n");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertTrue(message("config=" + open).contains("anyone may write it (mode rw-rw-rw-); chmod o-w it"),
                message("config=" + open));

        if ("root".equals(System.getProperty("user.name"))) {
            Path others = Files.writeString(dir.resolve("others.properties"), "level=turbo\n");
            Files.setOwner(others, others.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
            assertTrue(message("config=" + others).contains("it is owned by nobody, not by root;"),
                    message("config=" + others));
        }
    }

    private static String message(String args) {
        return assertThrows(OptionException.class, () -> OptionsParser.parse(args)).getMessage();
    }
}
