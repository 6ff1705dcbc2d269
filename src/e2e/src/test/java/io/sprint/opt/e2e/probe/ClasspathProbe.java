package io.sprint.opt.e2e.probe;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application with its own Byte Buddy (1.12.19): it must get its own version, use it, and see
 * no class of the agent but the boot class.
 */
public final class ClasspathProbe {
    private ClasspathProbe() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("byte-buddy from " + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation());
        Object greeting = new ByteBuddy().subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the app's byte-buddy"))
                .make().load(ClasspathProbe.class.getClassLoader()).getLoaded()
                .getDeclaredConstructor().newInstance();
        System.out.println(greeting);
        for (String name : args) {
            System.out.println(name + " " + (visible(name) ? "visible" : "hidden"));
        }
    }

    private static boolean visible(String name) {
        try {
            Class.forName(name, false, ClasspathProbe.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
