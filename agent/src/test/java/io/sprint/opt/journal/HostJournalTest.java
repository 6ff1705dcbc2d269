package io.sprint.opt.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.HostFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal on files of a temporary directory standing in for /proc/irq and /sys: written
 * before a change, deleted once all is back, and read by {@code restore --stale} after its JVM
 * died (torn, pid reused, several JVMs). The kernel files themselves are HostWideTest's (e2e).
 */
class HostJournalTest {
    @TempDir
    Path dir;
    private Path journals;
    private HostFile irq;
    private HostFile latency;
    private Predicate<Path> allowed;

    @BeforeEach
    void files() throws IOException {
        journals = dir.resolve("journal");
        irq = new HostFile(dir.resolve("smp_affinity_list"), HostFile.Format.CPU_LIST);
        latency = new HostFile(dir.resolve("pm_qos_resume_latency_us"), HostFile.Format.TEXT);
        Files.writeString(irq.path(), "0-3\n");
        Files.writeString(latency.path(), "0\n");
        allowed = path -> path.startsWith(dir);
    }

    /** The pid of a process that has ended (a child run to completion). */
    private static JournalOwner deadOwner() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        assertFalse(process.isAlive());
        return new JournalOwner(process.pid(), 1_700_000_000_000L);
    }

    private HostJournal journalOf(JournalOwner owner) {
        return new HostJournal(journals, owner);
    }

    @Test
    void theOriginalIsOnDiskBeforeTheChangeAndRestoreDeletesTheJournal() throws Exception {
        HostJournal journal = journalOf(JournalOwner.current());
        journal.record(List.of(new JournalEntry(irq, irq.read(), CpuList.of(3)),
                new JournalEntry(latency, latency.read(), CpuList.NONE)));
        assertTrue(Files.exists(journal.path()));
        StaleJournals.Journal read = StaleJournals.read(journal.path(), allowed);
        assertTrue(read.whole());
        assertEquals(List.of("0-3", "0"), read.entries().stream().map(JournalEntry::original).toList());
        assertEquals(JournalOwner.current(), read.owner());
        assertEquals("rwxr-xr-x", permissions(journals), "the owner's alone: restore --stale trusts what it reads");

        irq.set("0-2", CpuList.of(3), CpuList.of(0));
        latency.set("n/a", CpuList.NONE, CpuList.NONE);
        List<String> lines = journal.restore();
        assertEquals("0-3", irq.read(), String.join("\n", lines));
        assertEquals("0", latency.read());
        assertFalse(Files.exists(journal.path()), "nothing left to put back: no journal");
        assertTrue(journal.isEmpty());
    }

    @Test
    void retainKeepsOnlyWhatRestoreStillOwes() throws Exception {
        HostJournal journal = journalOf(JournalOwner.current());
        journal.record(List.of(new JournalEntry(irq, "0-3", CpuList.of(3)), new JournalEntry(latency, "0", CpuList.NONE)));
        journal.retain(key -> key.equals(latency.path().toString()));
        assertEquals(List.of(latency.path()), StaleJournals.read(journal.path(), allowed).entries().stream()
                .map(entry -> entry.file().path()).toList());
        journal.retain(key -> false);
        assertFalse(Files.exists(journal.path()));
    }

    @Test
    void aTornJournalPutsBackItsWholeLinesAndSaysSo() throws Exception {
        JournalOwner dead = deadOwner();
        Files.createDirectories(journals);
        Files.setAttribute(journals, "unix:mode", 0755);
        String whole = HostJournal.HEADER + "\nowner\t" + dead.pid() + "\t" + dead.startMillis() + "\n"
                + new JournalEntry(latency, "0", CpuList.NONE).line() + "\n";
        String torn = whole + new JournalEntry(irq, "0-3", CpuList.of(3)).line();
        Files.writeString(journals.resolve(dead.fileName()), torn.substring(0, torn.length() - 5));
        latency.write("n/a");
        irq.write("0-2");

        StaleJournals.Outcome outcome = StaleJournals.restore(journals, allowed);
        assertEquals(1, outcome.journals());
        assertEquals(0, outcome.left());
        assertTrue(outcome.lines().get(0).contains("torn journal"), outcome.lines().toString());
        assertEquals("0", latency.read(), "the whole line is put back");
        assertEquals("0-2", irq.read(), "the cut-off line is not a line");
        assertEquals(List.of(), list(journals), "no journal left");
    }

    @Test
    void aReusedPidIsNotTheJvmThatWroteTheJournal() throws Exception {
        JournalOwner self = JournalOwner.current();
        JournalOwner earlier = new JournalOwner(self.pid(), self.startMillis() - 60_000);
        assertFalse(earlier.alive(), "same pid, another start: the writer has ended");
        assertTrue(self.alive());
        journalOf(earlier).record(List.of(new JournalEntry(latency, "0", CpuList.NONE)));
        journalOf(self).record(List.of(new JournalEntry(irq, "0-3", CpuList.of(3))));
        latency.write("n/a");
        irq.write("0-2");

        assertEquals(List.of(earlier), StaleJournals.find(journals));
        StaleJournals.Outcome outcome = StaleJournals.restore(journals, allowed);
        assertEquals(1, outcome.journals(), outcome.lines().toString());
        assertEquals("0", latency.read());
        assertEquals("0-2", irq.read(), "a running JVM's journal is its own");
        assertTrue(outcome.lines().stream().anyMatch(line -> line.contains("still running")));
        assertEquals(List.of(self.fileName()), list(journals));
    }

    @Test
    void twoJvmsSharingAnInterruptEachPutBackOnlyTheirCpus() throws Exception {
        JournalOwner first = deadOwner();
        JournalOwner second = deadOwner();
        // The first took CPU 3 out of 0-3, the second then CPU 2 out of what it found: 0-2.
        journalOf(first).record(List.of(new JournalEntry(irq, irq.read(), CpuList.of(3))));
        irq.set("0-2", CpuList.of(3), CpuList.of(0));
        journalOf(second).record(List.of(new JournalEntry(irq, irq.read(), CpuList.of(2))));
        irq.set("0-1", CpuList.of(2), CpuList.of(0));
        assertEquals("0-1", irq.read());

        StaleJournals.Outcome outcome = StaleJournals.restore(journals, allowed);
        assertEquals(2, outcome.journals());
        assertEquals("0-3", irq.read(), outcome.lines().toString());
        assertEquals(List.of(), list(journals));
    }

    @Test
    void restoresComeOutRightInEitherOrder() throws Exception {
        HostFile shared = irq;
        shared.set("0-2", CpuList.of(3), CpuList.of(0));
        shared.set("0-1", CpuList.of(2), CpuList.of(0));
        new JournalEntry(shared, "0-3", CpuList.of(3)).putBack();
        assertEquals("0-1,3", shared.read(), "the first JVM's CPU back, the second's still out");
        new JournalEntry(shared, "0-2", CpuList.of(2)).putBack();
        assertEquals("0-3", shared.read());
    }

    @Test
    void anInterruptThatHadOnlyOurCpusGetsExactlyThemBack() throws Exception {
        irq.write("2");
        irq.set("0", CpuList.of(2), CpuList.of(0));
        assertEquals("0", irq.read(), "left with no CPU: the housekeeping one instead");
        new JournalEntry(irq, "2", CpuList.of(2), CpuList.of(0)).putBack();
        assertEquals("2", irq.read(), "the housekeeping CPU taken away again");
    }

    @Test
    void aJournalNamingAnotherFileIsRefusedNotWritten() throws Exception {
        JournalOwner dead = deadOwner();
        Path elsewhere = Files.writeString(Files.createTempFile("not-a-kernel-file", ""), "keep\n");
        try {
            journalOf(dead).record(List.of(new JournalEntry(new HostFile(elsewhere, HostFile.Format.TEXT), "x",
                    CpuList.NONE)));
            StaleJournals.Outcome outcome = StaleJournals.restore(journals, allowed);
            assertEquals("keep\n", Files.readString(elsewhere));
            assertTrue(outcome.lines().stream().anyMatch(line -> line.contains("refused")), outcome.lines().toString());
            assertFalse(StaleJournals.KERNEL_FILES.test(elsewhere));
            assertTrue(StaleJournals.KERNEL_FILES.test(Path.of("/proc/irq/36/smp_affinity_list")));
            assertTrue(StaleJournals.KERNEL_FILES.test(Path.of("/sys/devices/system/cpu/cpu1/power/pm_qos_resume_latency_us")));
            assertFalse(StaleJournals.KERNEL_FILES.test(Path.of("/proc/irq/../../etc/shadow")));
        } finally {
            Files.delete(elsewhere);
        }
    }

    @Test
    void aDirectoryOthersCanWriteIsNotTrusted() throws Exception {
        journalOf(deadOwner()).record(List.of(new JournalEntry(latency, "0", CpuList.NONE)));
        Files.setAttribute(journals, "unix:mode", 0777);
        IOException refused = assertThrows(IOException.class, () -> StaleJournals.restore(journals, allowed));
        assertTrue(refused.getMessage().contains("writable by others"), refused.getMessage());
        assertThrows(IOException.class, () -> journalOf(JournalOwner.current())
                .record(List.of(new JournalEntry(irq, "0-3", CpuList.of(3)))), "nor written into");
    }

    @Test
    void aSettingThatCannotBePutBackStaysJournaled() throws Exception {
        JournalOwner dead = deadOwner();
        HostFile gone = new HostFile(dir.resolve("gone"), HostFile.Format.TEXT);
        journalOf(dead).record(List.of(new JournalEntry(latency, "0", CpuList.NONE), new JournalEntry(gone, "0",
                CpuList.NONE)));
        latency.write("n/a");
        StaleJournals.Outcome outcome = StaleJournals.restore(journals, allowed);
        assertEquals(1, outcome.left(), outcome.lines().toString());
        assertEquals("0", latency.read());
        assertEquals(List.of(gone.path()), StaleJournals.read(journals.resolve(dead.fileName()), allowed).entries()
                .stream().map(entry -> entry.file().path()).toList());
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static List<String> list(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }
}
