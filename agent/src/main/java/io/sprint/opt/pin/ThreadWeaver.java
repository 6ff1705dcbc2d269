package io.sprint.opt.pin;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.matcher.LatentMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Weaves {@link ThreadAdvice} into the bytes of {@link Thread} (all four pieces) or of a Thread
 * subclass (only its own {@code run()}), changing no class format: classes already loaded can be
 * retransformed. Byte Buddy's ByteBuddy/Advice API is used directly, not its AgentBuilder, whose
 * construction reaches {@code sun.misc.Unsafe} (a warning on JDK 24+) for class injection that
 * advice does not need.
 */
final class ThreadWeaver {
    private static final String THREAD = "java.lang.Thread";

    private final ByteBuddy byteBuddy = new ByteBuddy()
            .with(TypeValidation.DISABLED)
            .with(Implementation.Context.Disabled.Factory.INSTANCE)
            .with(InstrumentedType.Factory.Default.FROZEN)
            .with(VisibilityBridgeStrategy.Default.NEVER);
    private final ClassFileLocator advice = ClassFileLocator.ForClassLoader.of(ThreadWeaver.class.getClassLoader());
    // Parsed once: each Advice.to reads and analyses the advice class.
    private final AsmVisitorWrapper run = Advice.to(ThreadAdvice.Run.class, advice).on(ElementMatchers.named("run")
            .and(ElementMatchers.takesNoArguments()).and(ElementMatchers.not(ElementMatchers.isAbstract())));
    private final AsmVisitorWrapper rename = Advice.to(ThreadAdvice.Rename.class, advice)
            .on(ElementMatchers.named("setName"));
    private final AsmVisitorWrapper start = Advice.to(ThreadAdvice.Start.class, advice)
            .on(ElementMatchers.named("start").and(ElementMatchers.not(ElementMatchers.isNative())));
    private final AsmVisitorWrapper exit = Advice.to(ThreadAdvice.Exit.class, advice)
            .on(ElementMatchers.named("exit").and(ElementMatchers.takesNoArguments()));

    /** @return the woven bytes, or null when the class is not Thread or a subclass of it */
    byte[] weave(ClassLoader loader, String internalName, byte[] bytes) {
        String name = internalName.replace('/', '.');
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes),
                ClassFileLocator.ForClassLoader.of(loader));
        TypePool pool = TypePool.Default.of(locator);
        TypeDescription type = pool.describe(name).resolve();
        boolean thread = THREAD.equals(name);
        if (!thread && !type.isAssignableTo(Thread.class)) {
            return null;
        }
        DynamicType.Builder<?> builder = byteBuddy.redefine(type, locator)
                .ignoreAlso(LatentMatcher.ForSelfDeclaredMethod.NOT_DECLARED)
                .visit(run);
        if (thread) {
            builder = builder.visit(rename).visit(start).visit(exit);
        }
        return builder.make(pool).getBytes();
    }
}
