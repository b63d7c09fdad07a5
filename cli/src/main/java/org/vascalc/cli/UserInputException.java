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
}
