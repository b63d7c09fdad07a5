package org.vascalc.core.input;

/**
 * Each input is inside its allowed range, but the model has no solution for them together (e.g. a
 * habitual calcium intake so high that the paracellular route alone absorbs more than the patient
 * excretes, so no baseline is a steady state). The user's inputs, not a bug: the CLI prints the
 * message and {@link #hint()} on one line and exits with status 1; the web app answers 400.
 *
 * <p>It is an {@link IllegalArgumentException} so that every caller that already treats a refused
 * input as a result (a sensitivity end that fails, a calibration trial point, a trial's parameter
 * set) keeps doing so.
 */
public final class ModelDomainException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String hint;

    /** @param message what the model cannot do and the values it was given (units included) */
    public ModelDomainException(String message) {
        this(message, "", null);
    }

    private ModelDomainException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /**
     * What to change to make the run possible (e.g. the --set values to move back towards their
     * defaults); empty when the place that threw cannot know it.
     */
    public String hint() {
        return hint;
    }

    /**
     * The same failure seen from a caller that knows more: {@code where} (a scenario file, a cohort
     * member) goes before the message, {@code hint} replaces an empty one.
     */
    public ModelDomainException in(String where, String hint) {
        return new ModelDomainException(where.isEmpty() ? getMessage() : where + ": " + getMessage(),
                this.hint.isEmpty() ? hint : this.hint, this);
    }

    /** The failure of this kind that {@code t} is or wraps (parallel runs wrap their workers' failures), or null. */
    public static ModelDomainException in(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ModelDomainException m) {
                return m;
            }
        }
        return null;
    }

    /** What a user reads first: the kind of failure, the same on the console and in the web app. */
    public static final String CANNOT_RUN = "the model cannot run with these inputs";

    /** The message and, if known, the hint: one line. */
    public String detail() {
        return getMessage() + (hint.isEmpty() ? "" : "; " + hint);
    }

    /** The one line a user reads: "the model cannot run with these inputs: ...", then the hint. */
    public String userMessage() {
        return CANNOT_RUN + ": " + detail();
    }
}
