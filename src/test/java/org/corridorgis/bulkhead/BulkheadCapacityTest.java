package org.corridorgis.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * How many expensive requests may run at once: the smaller of the pool's share and the processor cap (half the
 * processors unless set), never less than one. Expected values worked out by hand.
 */
class BulkheadCapacityTest {

    private static BulkheadProperties bulkhead(double share, int max) {
        return new BulkheadProperties(share, max, Duration.ofMillis(750), 1000, DataSize.ofMegabytes(1));
    }

    @Test
    void halfTheProcessorsUnlessThePoolShareIsSmaller() {
        // 16 connections × 0.25 = 4 by the pool; 2 cores / 2 = 1
        assertThat(bulkhead(0.25, 0).capacity(16, 2)).isEqualTo(1);
        // 16 cores / 2 = 8, but the pool allows 4
        assertThat(bulkhead(0.25, 0).capacity(16, 16)).isEqualTo(4);
        // 6 cores / 2 = 3 < 4
        assertThat(bulkhead(0.25, 0).capacity(16, 6)).isEqualTo(3);
        // one core: 1 / 2 = 0, still one at a time
        assertThat(bulkhead(0.25, 0).capacity(16, 1)).isEqualTo(1);
    }

    @Test
    void aSetMaximumReplacesTheProcessorCap() {
        assertThat(bulkhead(0.25, 2).capacity(16, 2)).isEqualTo(2);
        // the pool's share still bounds it: 10 × 0.25 = 2.5, floor 2
        assertThat(bulkhead(0.25, 8).capacity(10, 2)).isEqualTo(2);
        // a pool too small for a share of one still lets one through
        assertThat(bulkhead(0.25, 8).capacity(2, 2)).isEqualTo(1);
    }

    @Test
    void aNegativeMaximumIsRefusedAtStart() {
        assertThatThrownBy(() -> bulkhead(0.25, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("corridor.bulkhead.expensive-max");
    }
}
