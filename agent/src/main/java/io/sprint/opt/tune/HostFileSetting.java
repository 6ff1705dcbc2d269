package io.sprint.opt.tune;

import io.sprint.opt.action.Setting;
import io.sprint.opt.config.CpuList;
import io.sprint.opt.platform.HostFile;
import java.io.IOException;

/**
 * A host-wide setting in a kernel file, as the ledger sees it. For a CPU set only this JVM's CPUs
 * count: writing takes them out or puts them back and leaves other JVMs' as they are.
 */
final class HostFileSetting implements Setting<String> {
    private final HostFile file;
    private final CpuList ours;
    private final CpuList instead;

    /** @param instead where an interrupt goes when taking out {@code ours} would leave it no CPU */
    HostFileSetting(HostFile file, CpuList ours, CpuList instead) {
        this.file = file;
        this.ours = ours;
        this.instead = instead;
    }

    @Override
    public String key() {
        return file.path().toString();
    }

    @Override
    public String read() throws IOException {
        return file.read();
    }

    @Override
    public void write(String value) throws IOException {
        file.set(value, ours, instead);
    }

    @Override
    public boolean same(String read, String written) {
        return file.same(read, written, ours);
    }
}
