package io.langnghe.access;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.simple.SimpleHttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.InetSocketAddress;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTest {

    private final ClientAddress addresses = new ClientAddress("10.0.0.9, ::1");

    @ParameterizedTest(name = "{0} is spelled {1}")
    @CsvSource(delimiter = '|', textBlock = """
            203.0.113.7                  | 203.0.113.7
            ::1                          | 0:0:0:0:0:0:0:1
            0:0:0:0:0:0:0:1              | 0:0:0:0:0:0:0:1
            [::1]                        | 0:0:0:0:0:0:0:1
            2001:DB8::A                  | 2001:db8:0:0:0:0:0:a
            [2001:db8:0:0:0:0:0:a]       | 2001:db8:0:0:0:0:0:a
            ::ffff:203.0.113.7           | 203.0.113.7
            ::FFFF:cb00:7107             | 203.0.113.7
            proxy.phuong.example         | proxy.phuong.example
            fe80::1%eth0                 | fe80::1%eth0
            1.2.3.4.5                    | 1.2.3.4.5
            unknown                      | unknown
            """)
    void eachAddressHasOneSpelling(String written, String canonical) {
        assertThat(ClientAddress.canonical(written)).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "a peer at {0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            203.0.113.7                  | 203.0.113.7
            ::1                          | 198.51.100.5
            0:0:0:0:0:0:0:1              | 198.51.100.5
            ::ffff:10.0.0.9              | 198.51.100.5
            2001:db8::a                  | 2001:db8:0:0:0:0:0:a
            ::ffff:203.0.113.7           | 203.0.113.7
            """)
    void aPeerIsCountedByTheSameSpellingAsTheTrustedProxies(String peer, String client) {
        MutableHttpRequest<Object> request = fromAddress(peer).header("X-Forwarded-For", "[::ffff:198.51.100.5]");

        assertThat(addresses.of(request)).isEqualTo(client);
    }

    private static MutableHttpRequest<Object> fromAddress(String address) {
        return new SimpleHttpRequest<>(HttpMethod.POST, "/login", null) {
            @Override
            public InetSocketAddress getRemoteAddress() {
                return new InetSocketAddress(address, 50_000);
            }
        };
    }
}
