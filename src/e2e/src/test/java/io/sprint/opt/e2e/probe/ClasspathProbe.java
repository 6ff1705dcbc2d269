package io.sprint.opt.e2e.probe;

import com.sun.jna.Library;
import com.sun.jna.Native;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * An application with its own Byte Buddy (1.12.19) and JNA (5.13.0): it must get its own
 * versions and keep using them after the agent has loaded its JNA, and see no class of the
 * agent but the boot class. Args: milliseconds to live, then class names to look up.
 */
public final class ClasspathProbe {
    private ClasspathProbe() {
    }

    /** libc through the application's JNA. */
    public interface CLibrary extends Library {
        int getpid();
    }

    public static void main(String[] args) throws Exception {
        CLibrary libc = Native.load("c", CLibrary.class);
        System.out.println("jna " + Native.VERSION + " getpid " + libc.getpid());
        System.out.println("byte-buddy from " + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation());
        Object greeting = new ByteBuddy().subclass(Object.class)
                .method(ElementMatchers.named("toString")).intercept(FixedValue.value("made by the app's byte-buddy"))
                .make().load(ClasspathProbe.class.getClassLoader()).getLoaded()
                .getDeclaredConstructor().newInstance();
        System.out.println(greeting);
        for (int i = 1; i < args.length; i++) {
            System.out.println(args[i] + " " + (visible(args[i]) ? "visible" : "hidden"));
        }
        Thread.sleep(Long.parseLong(args[0]));
        System.out.println("jna " + Native.VERSION + " getpid again " + libc.getpid());
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
