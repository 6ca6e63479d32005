package io.smartsync.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed, as addresses or CIDR ranges. A request
 * from anywhere else is its own client address, whatever the header says, so a caller cannot pick the
 * address its failed sign-ins are counted against. Immutable.
 */
public final class TrustedProxies {
    /** Only address literals: nothing here may start a DNS lookup. */
    private static final Pattern LITERAL = Pattern.compile("^[0-9.]+$|^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private record Range(byte[] network, int bits) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Range> ranges;
    private final String text;

    private TrustedProxies(List<Range> ranges, String text) {
        this.ranges = List.copyOf(ranges);
        this.text = text;
    }

    public static TrustedProxies none() {
        return new TrustedProxies(List.of(), "");
    }

    /**
     * {@code 10.0.0.5, 10.1.0.0/16, ::1}: separated by commas.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or a range
     */
    public static TrustedProxies parse(String list) {
        List<Range> out = new ArrayList<>();
        for (String raw : list.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split("/", 2);
            byte[] address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("'" + entry + "' is not an IP address or range"));
            int bits = address.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1]);
                } catch (NumberFormatException e) {
                    bits = -1;
                }
                if (bits < 0 || bits > address.length * 8) {
                    throw new IllegalArgumentException(
                            "'" + entry + "' has a prefix length outside 0-" + address.length * 8);
                }
            }
            out.add(new Range(address, bits));
        }
        return new TrustedProxies(out, list.strip());
    }

    /** The client's address: the nearest address in X-Forwarded-For that is not a trusted proxy. */
    String clientOf(Context ctx) {
        String remote = ctx.req().getRemoteAddr();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !trusted(remote)) {
            return remote;
        }
        String[] hops = forwarded.split(",");
        String client = remote;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop).isEmpty()) {
                return client; // a hop that is not an address: believe nothing before it
            }
            client = hop;
            if (!trusted(hop)) {
                return hop;
            }
        }
        return client;
    }

    boolean trusted(String address) {
        return literal(address)
                .map(a -> ranges.stream().anyMatch(r -> r.contains(a)))
                .orElse(false);
    }

    private static java.util.Optional<byte[]> literal(String text) {
        if (text == null
                || text.isEmpty()
                || text.length() > 45
                || !LITERAL.matcher(text).matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text.isEmpty() ? "none" : text;
    }
}
