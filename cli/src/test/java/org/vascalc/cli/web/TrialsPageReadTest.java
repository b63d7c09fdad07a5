package org.vascalc.cli.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vascalc.cli.web.Forms.form;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vascalc.core.input.InputProblem;

/**
 * The trials page's reading of its form without running a trial: the page's limit per trial (ipackhd's 1000 members
 * per arm, 1001 refused with the command that runs it; a MESA trial's more than review9's one limit, 1000), a trial that must be chosen once the form is sent, the command line it names, and
 * the "µg" it shows for the files' ASCII "ug".
 */
class TrialsPageReadTest {

    private static final List<String> KEYS = List.of("bolland2008", "saltire");

    @Test
    void aSizeAboveTheTrialsLimitIsRefusedWithTheCommandToRunIt() {
        List<String> keys = List.of("bolland2008", "ipackhd", "saltire");
        var r = TrialsPage.read(form("trial", "ipackhd", "size", "1001", "seed", "9"), keys);
        assertThat(r.problems().all().stream().filter(p -> p.severity() == InputProblem.Severity.ERROR).toList())
                .singleElement().extracting(InputProblem::path).isEqualTo("size");
        assertThat(r.problems().warnings()).singleElement().extracting(InputProblem::message).asString()
                .startsWith("ipackhd runs up to 1000 members per arm").endsWith("./vascalc trial ipackhd --size 1001 --seed 9");
        var most = TrialsPage.read(form("trial", "ipackhd", "size", "1000", "seed", "9"), keys);
        assertThat(most.problems().all()).isEmpty();
        assertThat(most.size()).isEqualTo(1000);
        assertThat(most.seed()).isEqualTo(9);
        assertThat(most.run()).isTrue();
        // leftovers10: a MESA trial, several times cheaper per member, runs past review9's one limit
        var mesa = TrialsPage.read(form("trial", "bolland2008", "size", "2000", "seed", "9"), keys);
        assertThat(mesa.problems().all()).isEmpty();
        assertThat(mesa.size()).isEqualTo(2000);
    }

    @Test
    void aSizeOfOneIsToldInTheSingularAndTheRangeInThePlural() {
        // review18: "size = 1 members per arm is outside the allowed range 2 to ... members per arm"
        var one = TrialsPage.read(form("trial", "ipackhd", "size", "1", "seed", "9"), List.of("ipackhd"));
        assertThat(one.problems().all()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("size");
            assertThat(p.message()).isEqualTo("size = 1 member per arm is outside the allowed range 2 to 1000 members per arm");
        });
        var none = TrialsPage.read(form("trial", "ipackhd", "size", "0", "seed", "9"), List.of("ipackhd"));
        assertThat(none.problems().all()).singleElement().extracting(InputProblem::message)
                .isEqualTo("size = 0 members per arm is outside the allowed range 2 to 1000 members per arm");
        // a fraction is still "not a whole number", of members
        assertThat(TrialsPage.read(form("trial", "ipackhd", "size", "2.5"), List.of("ipackhd")).problems().all())
                .singleElement().extracting(InputProblem::message).isEqualTo("size = 2.5 is not a whole number of members");
    }

    @Test
    void aSentFormWithoutATrialNamesEveryKeyAndAnAddressWithoutOneJustLists() {
        var sent = TrialsPage.read(form("size", "20"), KEYS);
        assertThat(sent.problems().all()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("trial");
            assertThat(p.message()).isEqualTo("no trial chosen; choose one of: bolland2008, saltire");
        });
        var listing = TrialsPage.read(form(), KEYS);
        assertThat(listing.problems().all()).isEmpty();
        assertThat(listing.trial()).isNull();
        assertThat(listing.run()).isFalse();
        assertThat(TrialsPage.read(form("trial", "SALTIRE"), KEYS).trial()).isEqualTo("saltire");
        assertThat(TrialsPage.read(form("trial", "nope"), KEYS).problems().hasErrors()).isTrue();
    }

    @Test
    void microgramsAreWrittenMicroAfterANumberOnly() {
        assertThat(TrialsPage.micro("720 ug a day; 45 ug/d; plug in; ug alone")).isEqualTo("720 µg a day; 45 µg/d; plug in; ug alone");
        assertThat(TrialsPage.command("saltire", 50, 1)).isEqualTo("./vascalc trial saltire --size 50 --seed 1");
    }
}
