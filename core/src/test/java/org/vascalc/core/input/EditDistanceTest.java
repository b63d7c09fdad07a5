package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

    @Test
    void countsInsertionsDeletionsSubstitutionsAndAdjacentSwaps() {
        assertThat(EditDistance.between("size", "size")).isZero();
        assertThat(EditDistance.between("szie", "size")).isEqualTo(1);
        assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
        assertThat(EditDistance.between("", "abc")).isEqualTo(3);
        assertThat(EditDistance.between("gutParacelularRate", "gutParacellularRate")).isEqualTo(1);
    }

    /** review9: a mistyped key of a scenario, trial, phantom or patient file was named without a guess. */
    @Test
    void theClosestNameIsTheNearestWithinOneEditPerThreeCharactersOrTheOnlyOneStartingSo() {
        List<String> keys = List.of("name", "description", "patient", "durationDays", "recording", "parameters");
        // "duratoin" (8 characters, 2 edits allowed) is 5 from durationDays (a swap, four letters): too far to guess
        assertThat(EditDistance.closest("duratoin", keys)).isEmpty();
        assertThat(EditDistance.closest("durationDay", keys)).contains("durationDays");
        assertThat(EditDistance.closest("DURATIONDAYS", keys)).as("keys are case-sensitive").contains("durationDays");
        assertThat(EditDistance.closest("patinet", keys)).contains("patient");
        assertThat(EditDistance.closest("xyzzy", keys)).isEmpty();
        assertThat(EditDistance.closest("na", keys)).as("two characters: no guess").isEmpty();
        List<String> patient = List.of("age", "totalCholesterol", "hdlCholesterol", "systolicBp", "cac", "cacVessels");
        assertThat(EditDistance.closest("totalCholestrol", patient)).contains("totalCholesterol");
        assertThat(EditDistance.closest("hdl", patient)).as("the only key starting so").contains("hdlCholesterol");
        assertThat(EditDistance.closest("ca", patient)).isEmpty();
        assertThat(EditDistance.closest("saltre", List.of("saltire", "shea2009", "care2"))).contains("saltire");
        assertThat(EditDistance.didYouMean("saltre", List.of("saltire"))).isEqualTo(" (did you mean 'saltire'?)");
        assertThat(EditDistance.didYouMean("zzz", List.of("saltire"))).isEmpty();
    }

    /** review11: one form for every hint, the file readers' "(did you mean 'y'?)", also where several are as near. */
    @Test
    void severalNearNamesAreQuotedInTheOneFormOfAHint() {
        assertThat(EditDistance.didYouMeanAny(List.of())).isEmpty();
        assertThat(EditDistance.didYouMeanAny(List.of("a"))).isEqualTo(" (did you mean 'a'?)");
        assertThat(EditDistance.didYouMeanAny(List.of("a", "b"))).isEqualTo(" (did you mean 'a' or 'b'?)");
        assertThat(EditDistance.didYouMeanAny(List.of("a", "b", "c"))).isEqualTo(" (did you mean 'a', 'b' or 'c'?)");
        assertThat(InputProblem.unknownKey("p", "kvpp", List.of("kvp")).message())
                .startsWith("unknown key 'kvpp'" + EditDistance.didYouMean("kvpp", List.of("kvp")) + ";");
    }

    @Test
    void theDistanceToTheNearestStartOfANameCountsTheEditsOfATypedStart() {
        assertThat(EditDistance.toNearestStart("serumcalcum", "serumcalciumtotal")).isEqualTo(1);
        assertThat(EditDistance.toNearestStart("serum", "serumcalciumtotal")).isZero();
        assertThat(EditDistance.toNearestStart("xyz", "serum")).isEqualTo(3);
        assertThat(EditDistance.toNearestStart("abc", "")).isEqualTo(3);
    }

    @Test
    void deletingEveryCharacterCostsOneEach() {
        assertThat(EditDistance.between("abc", "")).isEqualTo(3);
        assertThat(EditDistance.between("abcd", "ab")).isEqualTo(2);
        assertThat(EditDistance.between("ab", "ba")).isEqualTo(1);
    }
}
