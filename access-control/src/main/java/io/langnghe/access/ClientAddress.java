package io.langnghe.access;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request comes from, as limits and the audit log count it: the TCP peer, unless the
 * peer is one of the trusted proxies ({@code langnghe.trusted-proxies}, comma-separated addresses,
 * none by default: ingest-service in front of search-service, a load balancer), in which case the
 * right-most X-Forwarded-For entry that is not itself a trusted proxy. A client that is not a trusted
 * proxy cannot choose its address by sending the header.
 */
@Singleton
public class ClientAddress {

    private final Set<String> trustedProxies;

    public ClientAddress(@Value("${langnghe.trusted-proxies:}") String trustedProxies) {
        this.trustedProxies = Arrays.stream(trustedProxies.split(",")).map(String::strip).filter(a -> !a.isEmpty())
                .map(ClientAddress::canonical).collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpRequest<?> request) {
        if (request == null) {
            return "unknown";
        }
        InetSocketAddress peer = request.getRemoteAddress();
        // the JDK already spells the peer's address one way: no need to parse it again per request
        String address = peer == null || peer.getAddress() == null ? "unknown" : peer.getAddress().getHostAddress();
        if (!trustedProxies.contains(address)) {
            return address;
        }
        List<String> forwarded = request.getHeaders().getAll("X-Forwarded-For").stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(a -> !a.isEmpty()).toList();
        // read from the right: each hop appends, so the nearest untrusted one is who came to us
        for (int i = forwarded.size() - 1; i >= 0; i--) {
            String hop = canonical(forwarded.get(i));
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return address;
    }

    /** One spelling per address (::1 and 0:0:0:0:0:0:0:1 alike); text that is not an address stays as it is. */
    public static String canonical(String address) {
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!isLiteral(bare)) {
            return bare;
        }
        try {
            // a literal only: no name is looked up for text of digits, dots and colons
            return InetAddress.getByName(bare).getHostAddress();
        } catch (java.net.UnknownHostException e) {
            return bare;
        }
    }

    /** Only hex digits, colons and dots: text that could be an address literal, never a name to look up. */
    private static boolean isLiteral(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '.';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
