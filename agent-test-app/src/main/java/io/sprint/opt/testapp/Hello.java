package io.sprint.opt.testapp;

/** The start-up benchmark's subject: a JVM that starts, prints and exits. */
public final class Hello {
    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
