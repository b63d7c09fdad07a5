package org.vascalc.core.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ModelDomainExceptionTest {

    @Test
    void isFoundThroughTheWrappersOfParallelRuns() {
        ModelDomainException thrown = new ModelDomainException("no steady state for patient p");
        Throwable wrapped = new IllegalStateException("worker failed", new ExecutionException(thrown));
        assertThat(ModelDomainException.in(wrapped)).isSameAs(thrown);
        assertThat(ModelDomainException.in(new IllegalStateException("a bug", new IllegalArgumentException("x")))).isNull();
        assertThat(ModelDomainException.in(null)).isNull();
    }

    @Test
    void aCallerAddsWhereAndTheHintOnce() {
        ModelDomainException m = new ModelDomainException("no steady state").in("cohort member 3", "")
                .in("trial t", "move x back").in("", "move y back");
        assertThat(m.getMessage()).isEqualTo("trial t: cohort member 3: no steady state");
        assertThat(m.hint()).as("the first caller that knows keeps it").isEqualTo("move x back");
        assertThat(m.userMessage()).isEqualTo("the model cannot run with these inputs: trial t: cohort member 3: "
                + "no steady state; move x back");
        assertThat(new ModelDomainException("no steady state").userMessage())
                .isEqualTo("the model cannot run with these inputs: no steady state");
        assertThat(m).as("every existing catch of a refused input still catches it")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
