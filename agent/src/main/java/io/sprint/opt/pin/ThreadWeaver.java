package io.sprint.opt.pin;

import java.io.IOException;
import java.io.InputStream;
import java.lang.SprintOptThreadHook;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Weaves calls to {@link SprintOptThreadHook#fire} into the bytes of {@link Thread} (run, setName,
 * start, exit) or of a Thread subclass (only its own {@code run()}), changing no class format:
 * classes already loaded can be retransformed. Byte Buddy's ASM visitor API, not its Advice: the
 * call is three instructions with no branch, so no stack map frame changes, except the handler
 * that reports a failed {@code start()}; Advice would load some 780 classes to say the same.
 * Whatever the handler does, {@code fire} swallows it: the application never sees it.
 */
final class ThreadWeaver {
    private static final String THREAD = "java/lang/Thread";
    private static final String OBJECT = "java/lang/Object";
    private static final String THROWABLE = "java/lang/Throwable";
    /** By name: naming the class would load it, and only the agent may define it (into java.base). */
    private static final String BRIDGE = "java/lang/SprintOptThreadHook";
    private static final String FIRE = "fire";
    private static final String FIRE_DESCRIPTOR = "(L" + THREAD + ";I)V";
    /** Thread subclasses deeper than this are not woven; no real hierarchy comes close. */
    private static final int MAX_DEPTH = 32;

    /** @return the woven bytes, or null when the class is not Thread or a subclass of it */
    byte[] weave(ClassLoader loader, String internalName, byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        boolean thread = THREAD.equals(internalName);
        if (!thread && !extendsThread(loader, reader.getSuperName())) {
            return null;
        }
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        reader.accept(new Weaving(writer, thread), ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /**
     * Follows the superclass chain through class files, as the JVM would find them from
     * {@code loader}, without loading a class: a transformer must not trigger class loading.
     */
    static boolean extendsThread(ClassLoader loader, String superName) {
        String current = superName;
        for (int depth = 0; depth < MAX_DEPTH && current != null && !OBJECT.equals(current); depth++) {
            if (THREAD.equals(current)) {
                return true;
            }
            current = superNameOf(loader, current);
        }
        return false;
    }

    private static String superNameOf(ClassLoader loader, String internalName) {
        ClassLoader source = loader != null ? loader : ClassLoader.getPlatformClassLoader();
        try (InputStream in = source.getResourceAsStream(internalName + ".class")) {
            return in == null ? null : new ClassReader(in).getSuperName();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static final class Weaving extends ClassVisitor {
        private final boolean thread;
        private int version;

        Weaving(ClassVisitor next, boolean thread) {
            super(Opcodes.ASM9, next);
            this.thread = thread;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.version = version;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE | Opcodes.ACC_STATIC)) != 0) {
                return next;
            }
            if (name.equals("run") && descriptor.equals("()V")) {
                return new OnEnter(next, SprintOptThreadHook.RUN);
            }
            if (!thread) {
                return next;
            }
            if (name.equals("setName")) {
                return new OnReturn(next, SprintOptThreadHook.RENAMED);
            }
            if (name.equals("start")) {
                return new OnEnter(new OnReturn(new OnThrow(next, SprintOptThreadHook.STARTED, version),
                        SprintOptThreadHook.STARTED), SprintOptThreadHook.STARTING);
            }
            if (name.equals("exit") && descriptor.equals("()V")) {
                return new OnEnter(next, SprintOptThreadHook.EXIT);
            }
            return next;
        }
    }

    /** {@code SprintOptThreadHook.fire(this, event)}: pushes two values, leaves none. */
    private static void fire(MethodVisitor method, int event) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitIntInsn(Opcodes.BIPUSH, event);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, BRIDGE, FIRE, FIRE_DESCRIPTOR, false);
    }

    /** Fires as the method's first code. */
    private static final class OnEnter extends MethodVisitor {
        private final int event;

        OnEnter(MethodVisitor next, int event) {
            super(Opcodes.ASM9, next);
            this.event = event;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            fire(this, event);
        }
    }

    /** Fires before each normal return. */
    private static final class OnReturn extends MethodVisitor {
        private final int event;

        OnReturn(MethodVisitor next, int event) {
            super(Opcodes.ASM9, next);
            this.event = event;
        }

        @Override
        public void visitInsn(int opcode) {
            if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                fire(this, event);
            }
            super.visitInsn(opcode);
        }
    }

    /**
     * Fires when the method ends by an exception, which it then rethrows: a handler for
     * Throwable over the whole body, put last in the exception table so that the method's own
     * handlers keep precedence. Its frame names only {@code this}: slot 0 holds it throughout
     * (javac never reassigns it), and any other local is compatible with "unknown".
     */
    private static final class OnThrow extends MethodVisitor {
        private final int event;
        private final int version;
        private final Label start = new Label();

        OnThrow(MethodVisitor next, int event, int version) {
            super(Opcodes.ASM9, next);
            this.event = event;
            this.version = version;
        }

        @Override
        public void visitCode() {
            super.visitCode();
            super.visitLabel(start);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            Label end = new Label();
            Label handler = new Label();
            super.visitLabel(end);
            super.visitTryCatchBlock(start, end, handler, THROWABLE);
            super.visitLabel(handler);
            if ((version & 0xFFFF) >= Opcodes.V1_6) {
                super.visitFrame(Opcodes.F_NEW, 1, new Object[] {THREAD}, 1, new Object[] {THROWABLE});
            }
            fire(this, event);
            super.visitInsn(Opcodes.ATHROW);
            super.visitMaxs(maxStack, maxLocals);
        }
    }
}
