package org.vascalc.cli;

import java.util.Optional;

/**
 * A command that can say, after a failure, what its run left behind (a cohort's kept members and
 * how to resume them). The top-level handler prints it after the error line: a user reads the
 * cause first, and the cohort's "stopped after" line used to come before it (its finally block
 * ran before the handler printed the error).
 */
interface FailureNote {

    /** What the failed run left behind, as one line for stderr; empty if nothing is worth saying. */
    Optional<String> afterFailure();
}
