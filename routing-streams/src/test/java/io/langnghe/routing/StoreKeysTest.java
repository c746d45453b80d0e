package io.langnghe.routing;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class StoreKeysTest {

    @Test
    void keysAreTheOnesTheStoresAlreadyHold() {
        SplittableRandom random = new SplittableRandom(7);
        LongStream.concat(LongStream.of(0, 1, 9, 10, -1, -42, 9_999_999_999L, 10_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE),
                        random.longs(10_000, -1_000_000_000_000L, 10_000_000_000_000L))
                .forEach(value -> {
                    assertThat(StoreKeys.zeroPadded(value, 10)).isEqualTo(String.format("%010d", value));
                    assertThat(StoreKeys.zeroPadded(value, 13)).isEqualTo(String.format("%013d", value));
                });
    }
}
