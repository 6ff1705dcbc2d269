package io.sprint.opt.config;

/** A bad option. Its message is the one line the user sees: the key, the value, what is accepted. */
public final class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private OptionException(String message) {
        super(message);
    }

    static OptionException badValue(OptionKey key, String value) {
        return new OptionException("option " + key.key() + "=" + value + " is not valid: " + key.key()
                + " takes " + key.accepted());
    }

    /** From the command line, where the user typed both and sees them already. */
    static OptionException unknownKey(String key, String value) {
        return new OptionException("option '" + key + "' (value '" + value + "') is not known: the keys are "
                + OptionKey.allKeys());
    }

    /** The value is not repeated: a config file's contents are never echoed. */
    static OptionException badValueInFile(OptionKey key, int line, String path) {
        return new OptionException("option " + key.key() + " on line " + line + " of config=" + path
                + " is not valid: " + key.key() + " takes " + key.accepted());
    }

    static OptionException notKeyValue(String token) {
        return new OptionException("option '" + token + "' is not key=value: options are comma-separated"
                + " key=value pairs such as level=enterprise,pin=relay-*");
    }

    static OptionException config(String path, String reason) {
        return new OptionException("option config=" + path + " is not valid: " + reason + "; config takes "
                + OptionKey.CONFIG.accepted());
    }
}
