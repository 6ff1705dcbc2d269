package io.sprint.opt.os;

/** What to do when the OS refuses: the user's next step, per missing privilege. */
final class Remedies {
    static final String MEMLOCK = "grant CAP_IPC_LOCK or an unlimited RLIMIT_MEMLOCK: ulimit -l unlimited"
            + " (systemd: LimitMEMLOCK=infinity); docker run --cap-add IPC_LOCK --ulimit memlock=-1; Kubernetes"
            + " securityContext.capabilities.add: [IPC_LOCK]; or setcap cap_ipc_lock+ep on the java binary";
    static final String SYS_NICE = "grant CAP_SYS_NICE: docker run --cap-add SYS_NICE --ulimit rtprio=99;"
            + " Kubernetes securityContext.capabilities.add: [SYS_NICE]; or setcap cap_sys_nice+ep on the java binary";

    private Remedies() {
    }
}
