package org.vascalc.cli;

/**
 * A mistake of the user's that is not about a field's value: a missing file, an output folder that
 * cannot be written. Printed without a stack trace; exit code 1.
 */
public final class UserInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    public UserInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Throws when {@code problems} holds any: the one as it is, several as one answer ("score has 2 problems:"
     * and an "error: " line each, as {@code InvalidInputException} lists a file's), so the user mends them
     * all before running again rather than one per run.
     */
    public static void throwIfAny(String what, java.util.List<String> problems) {
        if (problems.size() == 1) {
            throw new UserInputException(problems.get(0));
        }
        if (problems.size() > 1) {
            throw new UserInputException(what + " has " + problems.size() + " problems:\n  error: "
                    + String.join("\n  error: ", problems));
        }
    }

    /** A number as the user would have typed it: {@code 0} rather than {@code 0.0}, {@code 2.5} as is. */
    public static String typed(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
