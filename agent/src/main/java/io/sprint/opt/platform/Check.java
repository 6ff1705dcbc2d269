package io.sprint.opt.platform;

/** One finding of {@code doctor}: status is ok, warn or info; advice is the next step, or "". */
public record Check(String name, String status, String value, String advice) {
}
