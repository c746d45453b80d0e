package io.langnghe.ingest.contact;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A hasher kept for the life of the service gives each phone the hash a fresh one gives it, on any thread. */
class ContactHasherTest {

    static final String SECRET = "a-test-secret-of-enough-length-for-hmac";

    @Test
    void aPhoneHashesTheSameAfterOtherPhonesAsOnAFreshHasher() {
        ContactHasher kept = new ContactHasher(SECRET);
        kept.hash("+84912345678");
        kept.mac("tracking:sms:gw-1");

        assertThat(kept.hash("+84987654321")).isEqualTo(new ContactHasher(SECRET).hash("+84987654321"))
                .isNotEqualTo(new ContactHasher(SECRET + "-other").hash("+84987654321"))
                .hasSize(64);
    }

    @Test
    void threadsHashingAtOnceEachGetTheirPhonesOwnHash() throws Exception {
        ContactHasher kept = new ContactHasher(SECRET);
        List<String> phones = IntStream.range(0, 400).mapToObj(i -> String.format("+849%08d", i)).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> hashes = phones.stream().map(p -> threads.submit(() -> kept.hash(p))).toList();
            ContactHasher fresh = new ContactHasher(SECRET);
            for (int i = 0; i < phones.size(); i++) {
                assertThat(hashes.get(i).get()).as(phones.get(i)).isEqualTo(fresh.hash(phones.get(i)));
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
