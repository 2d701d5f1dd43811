package dev.convlab.config;

/**
 * Thrown by a record's constructor when a value breaks a rule. {@code field} is the YAML key of the offending
 * component (null when the rule concerns the record as a whole); the binder turns it into a located error.
 */
public final class InvalidValue extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String fix;

    public InvalidValue(String field, String rule, String fix) {
        super(rule);
        this.field = field;
        this.fix = fix;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return getMessage();
    }

    public String fix() {
        return fix;
    }
}
