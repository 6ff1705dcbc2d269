package io.sprint.opt.action;

/** What an action would do on this host, decided without changing anything. */
public record Plan(String name, String target, Verdict verdict, String detail) {

    public enum Verdict {
        APPLY("would apply"), SKIP("would skip"), FAIL("would fail");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public static Plan apply(String name, String target, String detail) {
        return new Plan(name, target, Verdict.APPLY, detail);
    }

    public static Plan skip(String name, String target, String detail) {
        return new Plan(name, target, Verdict.SKIP, detail);
    }

    public static Plan fail(String name, String target, String detail) {
        return new Plan(name, target, Verdict.FAIL, detail);
    }
}
