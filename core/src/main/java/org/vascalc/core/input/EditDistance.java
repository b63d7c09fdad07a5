package org.vascalc.core.input;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How far apart two names are, for "did you mean ...?" hints on a mistyped option, form field or
 * parameter: the edit distance with adjacent transpositions (optimal string alignment), so "szie" is
 * one edit from "size", as a typist would count it. Case is the caller's business.
 */
public final class EditDistance {

    private EditDistance() {
    }

    /** Insertions, deletions, substitutions and adjacent transpositions turning {@code a} into {@code b}. */
    public static int between(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /**
     * {@link #between} {@code typed} and the nearest start of {@code name} ("serumcalcum" is one edit from
     * "serumcalcium", the start of "serumcalciumtotal"): for a hint on a mistyped start of a long id, which is far
     * from the whole id (six edits there). Case is the caller's business.
     */
    public static int toNearestStart(String typed, String name) {
        int best = typed.length(); // the empty start
        for (int j = 1; j <= name.length(); j++) {
            best = Math.min(best, between(typed, name.substring(0, j)));
        }
        return best;
    }

    /**
     * The one of {@code names} a user most likely meant by {@code typed}, ignoring case, for a "did you mean"
     * hint on a mistyped key or name: the nearest within one edit per three characters typed (at least one, at
     * most three; the rule of the command line's option hints), else the only name that starts with what was typed
     * ("hdl" for hdlCholesterol; a name that differs only in case is nearest of all: "kvP" for kvp, keys being
     * case-sensitive); nothing for fewer than three characters typed (one edit from too many names) or no near
     * name. Ties go to the name first in alphabetical order.
     */
    public static Optional<String> closest(String typed, Collection<String> names) {
        String key = typed.toLowerCase(Locale.ROOT);
        if (key.length() < 3) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(3, key.length() / 3));
        Optional<String> near = names.stream()
                .filter(n -> between(key, n.toLowerCase(Locale.ROOT)) <= allowed)
                .min(Comparator.comparingInt((String n) -> between(key, n.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()));
        if (near.isPresent()) {
            return near;
        }
        var starting = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(key)).distinct().toList();
        return starting.size() == 1 ? Optional.of(starting.get(0)) : Optional.empty();
    }

    /**
     * " (did you mean 'NAME'?)" for {@link #closest}, or "" when there is none: to put right after the name typed
     * in a problem's message ("unknown trial 'bollan2008' (did you mean 'bolland2008'?)"). The one form of every
     * hint: the file readers' unknown keys ({@link InputProblem#unknownKey}), the web forms' parameters and the
     * command line's names (review11: the command line said "; did you mean bolland2008?;").
     */
    public static String didYouMean(String typed, Collection<String> names) {
        return didYouMeanAny(closest(typed, names).stream().toList());
    }

    /**
     * " (did you mean 'a'?)", " (did you mean 'a' or 'b'?)", " (did you mean 'a', 'b' or 'c'?)" for names a caller
     * found near (in its order), or "" for none: {@link #didYouMean}'s form where several names are as near.
     */
    public static String didYouMeanAny(List<String> near) {
        if (near.isEmpty()) {
            return "";
        }
        List<String> quoted = near.stream().map(n -> "'" + n + "'").toList();
        String list = quoted.size() == 1 ? quoted.get(0)
                : String.join(", ", quoted.subList(0, quoted.size() - 1)) + " or " + quoted.get(quoted.size() - 1);
        return " (did you mean " + list + "?)";
    }
}
