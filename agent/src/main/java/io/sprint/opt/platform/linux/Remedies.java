package io.sprint.opt.platform.linux;

/** What to do when Linux refuses: the user's next step, per missing privilege. */
final class Remedies {
    static final String MEMLOCK = "grant CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK: ulimit -l unlimited"
            + " (systemd: LimitMEMLOCK=infinity); docker run --cap-add IPC_LOCK --ulimit memlock=-1; Kubernetes"
            + " securityContext.capabilities.add: [IPC_LOCK]; or setcap cap_ipc_lock+ep on the java binary";
    static final String SYS_NICE = "grant CAP_SYS_NICE: docker run --cap-add SYS_NICE --ulimit rtprio=99;"
            + " Kubernetes securityContext.capabilities.add: [SYS_NICE]; or setcap cap_sys_nice+ep on the java binary";

    static final String RT_CGROUP = "this process's cpu cgroup has cpu.rt_runtime_us 0, so the kernel refuses"
            + " real-time policies in it: docker run --cpu-rt-runtime=950000 (with dockerd --cpu-rt-runtime=950000), or"
            + " write a budget to the cgroup's cpu.rt_runtime_us";

    static final String RT_THROTTLING = "sysctl kernel.sched_rt_runtime_us=-1 lets a SCHED_FIFO thread run"
            + " without the kernel's 5 % RT throttling (only with one RT thread per dedicated core)";
    static final String ISOLATION = "boot with isolcpus=N nohz_full=N rcu_nocbs=N to keep the kernel and other"
            + " processes off the cores given to pinned threads";

    static final String IDLE_LIMIT = "run the JVM as root, or let its user write /dev/cpu_dma_latency (a udev rule:"
            + " KERNEL==\"cpu_dma_latency\", GROUP=\"<the JVM's group>\", MODE=\"0660\")";
    static final String HOST_FILES = "run the JVM as root on the host (a container sees /proc/irq and /sys read-only:"
            + " tune interrupts and CPU power on the host, e.g. with tuned's realtime profile)";

    private Remedies() {
    }
}
