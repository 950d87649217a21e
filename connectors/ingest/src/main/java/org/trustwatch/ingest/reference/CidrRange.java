package org.trustwatch.ingest.reference;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IPv4 or IPv6 network such as {@code 10.20.0.0/16}, read without ever resolving a host name. */
public final class CidrRange {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final byte[] network;
    private final int prefix;

    private CidrRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** The range, or empty when the text is not an address with an optional {@code /prefix}. */
    public static Optional<CidrRange> parse(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] address = literal(slash < 0 ? cidr : cidr.substring(0, slash));
        if (address == null) {
            return Optional.empty();
        }
        int bits = address.length * 8;
        try {
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            return prefix < 0 || prefix > bits ? Optional.empty() : Optional.of(new CidrRange(address, prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the address (a literal) lies in the range; false for anything that is not an address. */
    public boolean contains(String ip) {
        byte[] address = literal(ip);
        if (address == null || address.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest);
        return (address[full] & mask) == (network[full] & mask);
    }

    /** The bytes of an IP literal, or null; a host name is never looked up. */
    static byte[] literal(String text) {
        if (text == null || text.isEmpty() || !LITERAL.matcher(text).matches()) {
            return null;
        }
        if (text.indexOf(':') < 0 && text.chars().filter(c -> c == '.').count() != 3) {
            return null; // "1234" would be read as an IPv4 number
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
