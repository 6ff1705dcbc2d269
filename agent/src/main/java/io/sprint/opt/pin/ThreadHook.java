package io.sprint.opt.pin;

import io.sprint.opt.log.Log;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.lang.invoke.MethodHandles;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;

/**
 * Weaves the hook's calls into {@link Thread} and into Thread subclasses that override
 * {@code run()} (see {@link ThreadWeaver}), and takes them out again. The advice reaches the agent through
 * {@code java.lang.SprintOptThreadHook}, defined into java.base with a private lookup (the agent
 * opens java.lang to itself for that): nothing is appended to the boot class path, which would
 * turn class data sharing off for the application, and no {@code sun.misc.Unsafe} is used.
 */
final class ThreadHook {
    private static final String BRIDGE = "java.lang.SprintOptThreadHook";

    private final Instrumentation inst;
    private ClassFileTransformer transformer;

    ThreadHook(Instrumentation inst) {
        this.inst = inst;
    }

    /** Weaves the advice (once) and points the bridge at {@code handler}. */
    synchronized void install(ObjIntConsumer<Thread> handler) throws Exception {
        Class<?> bridge = bridge(inst);
        bridge.getField("handler").set(null, handler);
        if (transformer == null) {
            ClassFileTransformer woven = new CandidatesOnly(new ThreadWeaver());
            inst.addTransformer(woven, true);
            transformer = woven;
            retransform("weaving");
        }
    }

    /** Clears the bridge, then takes the advice out of every class it is in. */
    synchronized void uninstall() throws Exception {
        Class<?> bridge = bridge(inst);
        bridge.getField("handler").set(null, null);
        if (transformer != null) {
            inst.removeTransformer(transformer);
            transformer = null;
            retransform("unweaving");
        }
    }

    private void retransform(String what) throws UnmodifiableClassException {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> loaded : inst.getAllLoadedClasses()) {
            if (Thread.class.isAssignableFrom(loaded) && inst.isModifiableClass(loaded)
                    && (loaded == Thread.class || declaresRun(loaded))) {
                classes.add(loaded);
            }
        }
        inst.retransformClasses(classes.toArray(new Class<?>[0]));
        Log.debug("thread hook: %s %d classes", what, classes.size());
    }

    private static boolean declaresRun(Class<?> type) {
        try {
            type.getDeclaredMethod("run");
            return true;
        } catch (NoSuchMethodException | LinkageError e) {
            return false;
        }
    }

    /**
     * Hands the weaver only Thread and classes that may override its run(): every other class
     * the JVM loads costs one short scan of its bytes.
     */
    private static final class CandidatesOnly implements ClassFileTransformer {
        private final ThreadWeaver weaver;

        CandidatesOnly(ThreadWeaver weaver) {
            this.weaver = weaver;
        }

        /** Never throws: a class that cannot be woven is loaded as it is, with one log line. */
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                ProtectionDomain domain, byte[] bytes) {
            boolean candidate = redefined != null ? Thread.class.isAssignableFrom(redefined)
                    : "java/lang/Thread".equals(name) || ClassFileScan.mayOverrideThreadRun(bytes);
            if (!candidate) {
                return null;
            }
            try {
                return weaver.weave(loader, name, bytes);
            } catch (RuntimeException | LinkageError e) {
                Log.warn("thread hook: %s left unwoven: %s", name, e);
                return null;
            }
        }
    }

    /**
     * Weaves Thread's bytes once and drops the result: the first weave of a JVM costs ~20 ms of
     * CPU (the weaver's classes loaded, its code run cold), the next under 1 ms. Run ahead on
     * another thread, it leaves install only the retransform itself.
     */
    static void prepare() {
        try (InputStream in = ClassLoader.getSystemResourceAsStream("java/lang/Thread.class")) {
            if (in != null) {
                new ThreadWeaver().weave(null, "java/lang/Thread", in.readAllBytes());
            }
        } catch (IOException | RuntimeException | LinkageError e) {
            Log.debug("thread hook: not woven ahead: %s", e);
        }
    }

    /** The bridge class in java.base, defined on first use. */
    static synchronized Class<?> bridge(Instrumentation inst) throws Exception {
        try {
            return Class.forName(BRIDGE, false, null);
        } catch (ClassNotFoundException absent) {
            Module base = Thread.class.getModule();
            Module agent = ThreadHook.class.getModule();
            if (!base.isOpen("java.lang", agent)) {
                inst.redefineModule(base, Set.of(), Map.of(), Map.of("java.lang", Set.of(agent)), Set.of(), Map.of());
            }
            return MethodHandles.privateLookupIn(Thread.class, MethodHandles.lookup()).defineClass(bridgeBytes());
        }
    }

    private static byte[] bridgeBytes() throws IOException {
        String resource = BRIDGE.replace('.', '/') + ".class";
        try (InputStream in = ThreadHook.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the agent");
            }
            return in.readAllBytes();
        }
    }

}
