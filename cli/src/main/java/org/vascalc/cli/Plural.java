package org.vascalc.cli;

/**
 * A count and its noun, "1 member" and "2 members", for every line that prints a number which can be 1
 * (review14: "--size = 1 members", "fast mode, 1 threads"). The nouns used with it take an "s"; one that
 * does not (a "1 analysis") has no place here.
 */
public final class Plural {

    private Plural() {
    }

    /** "1 member", "0 members", "3 members". */
    public static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
