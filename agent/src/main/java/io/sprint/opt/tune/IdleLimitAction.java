package io.sprint.opt.tune;

import io.sprint.opt.action.Setting;
import io.sprint.opt.platform.Capability;
import io.sprint.opt.platform.OsException;
import io.sprint.opt.platform.Platform;

/**
 * No deep idle states on the host while the level is in force: a CPU latency QoS request
 * (/dev/cpu_dma_latency) held open, so no CPU sleeps deeper than it can wake from in the limit.
 * The kernel keeps the request only while the descriptor is open: restore closes it, and so does
 * the JVM's end, {@code kill -9} included; nothing is left behind and nothing needs a journal.
 */
public final class IdleLimitAction extends OsSettingAction<Long> {
    public IdleLimitAction(Platform os, long micros) {
        super("idle-limit", new Request(os), micros, os, Capability.IDLE_LIMIT);
    }

    @Override
    protected String note() {
        try {
            return " (host limit now " + os.idleLimitMicros() + " µs)";
        } catch (OsException e) {
            return "";
        }
    }

    /**
     * This JVM's request, read back from the host: -1 when it holds none; otherwise the limit in
     * force, which the kernel takes as the strictest of every process's requests.
     */
    private static final class Request implements Setting<Long> {
        private final Platform os;

        Request(Platform os) {
            this.os = os;
        }

        @Override
        public String key() {
            return "cpu_dma_latency request";
        }

        @Override
        public Long read() throws OsException {
            return os.idleLimitRequest() < 0 ? -1L : os.idleLimitMicros();
        }

        @Override
        public void write(Long micros) throws OsException {
            os.requestIdleLimit(micros);
        }

        /** Another process's stricter request honours ours too. */
        @Override
        public boolean same(Long read, Long written) {
            return written < 0 ? read < 0 : read >= 0 && read <= written;
        }

        @Override
        public String format(Long micros) {
            return micros < 0 ? "none" : micros + " µs";
        }
    }
}
