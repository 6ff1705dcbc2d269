package io.sprint.opt.testapp;

import java.time.Duration;

/** The relay app's command line. */
record AppOptions(Duration duration, Duration warmup, int rate, int relays, int mempools, int payloadBytes,
                  int blockSize, String histogramFile) {
    static final String USAGE = "usage: java -jar agent-test-app.jar [--duration 30s] [--warmup 0s] [--rate 20000]"
            + " [--relays 2] [--mempools 1] [--payload 256] [--block-size 500] [--histogram FILE]";

    static AppOptions parse(String[] args) {
        Duration duration = Duration.ofSeconds(30);
        Duration warmup = Duration.ZERO;
        int rate = 20_000;
        int relays = 2;
        int mempools = 1;
        int payload = 256;
        int blockSize = 500;
        String histogram = null;
        for (int i = 0; i < args.length; i += 2) {
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            String value = args[i + 1];
            switch (args[i]) {
                case "--duration":
                    duration = parseDuration(value);
                    break;
                case "--warmup":
                    warmup = parseDuration(value);
                    break;
                case "--rate":
                    rate = positive(args[i], value);
                    break;
                case "--relays":
                    relays = positive(args[i], value);
                    break;
                case "--mempools":
                    mempools = positive(args[i], value);
                    break;
                case "--payload":
                    payload = positive(args[i], value);
                    break;
                case "--block-size":
                    blockSize = positive(args[i], value);
                    break;
                case "--histogram":
                    histogram = value;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        return new AppOptions(duration, warmup, rate, relays, mempools, payload, blockSize, histogram);
    }

    private static int positive(String option, String value) {
        int number = Integer.parseInt(value);
        if (number < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, not " + value);
        }
        return number;
    }

    static Duration parseDuration(String text) {
        String unit = text.replaceAll("[0-9]", "");
        long amount = Long.parseLong(text.replaceAll("[^0-9]", ""));
        switch (unit) {
            case "ms":
                return Duration.ofMillis(amount);
            case "s":
            case "":
                return Duration.ofSeconds(amount);
            case "m":
                return Duration.ofMinutes(amount);
            case "h":
                return Duration.ofHours(amount);
            default:
                throw new IllegalArgumentException("duration " + text + ": use 500ms, 30s, 5m or 1h");
        }
    }
}
