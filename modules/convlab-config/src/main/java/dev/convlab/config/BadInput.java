package dev.convlab.config;

/**
 * A problem with what the user gave (a config, a path, an image, a model file): the command line prints
 * {@code where: why (fix)} as one line and exits with code 2, without a stack trace.
 */
public class BadInput extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String where;
    private final String fix;

    public BadInput(String where, String why, String fix) {
        this(where, why, fix, null);
    }

    public BadInput(String where, String why, String fix, Throwable cause) {
        super(why, cause);
        this.where = where;
        this.fix = fix;
    }

    /** The file, path or option at fault; may be null. */
    public String where() {
        return where;
    }

    public String why() {
        return getMessage();
    }

    /** What to do about it; may be null. */
    public String fix() {
        return fix;
    }

    /** The one line a person reads. */
    public String oneLine() {
        StringBuilder line = new StringBuilder();
        if (where != null && !where.isEmpty()) {
            line.append(where).append(": ");
        }
        line.append(getMessage());
        if (fix != null && !fix.isEmpty()) {
            line.append(" (").append(fix).append(')');
        }
        return line.toString();
    }
}
