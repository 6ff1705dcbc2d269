package io.sprint.opt.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.log.Log;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void aBadConfigFileIsNamed(@TempDir Path dir) throws IOException {
        Path missing = dir.resolve("missing.properties");
        OptionException error = assertThrows(OptionException.class,
                () -> OptionsParser.parse("config=" + missing));
        assertTrue(error.getMessage().startsWith("option config=" + missing + " is not valid: cannot read it"),
                error.getMessage());

        Path unknown = Files.writeString(dir.resolve("unknown.properties"), "speed=11\n");
        error = assertThrows(OptionException.class, () -> OptionsParser.parse("config=" + unknown));
        assertTrue(error.getMessage().startsWith("option 'speed' (value '11') in " + unknown + " is not known"),
                error.getMessage());

        Path bad = Files.writeString(dir.resolve("bad.properties"), "gc=lots\n");
        error = assertThrows(OptionException.class, () -> OptionsParser.parse("config=" + bad));
        assertEquals("option gc=lots is not valid: gc takes a GC target percent from 1 to 1000", error.getMessage());
    }
}
