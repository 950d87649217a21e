package org.trustwatch.ingest.reference;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Checks CIDR ranges without resolving names. */
final class Cidr {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private Cidr() {}

    static boolean isValid(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        if (!LITERAL.matcher(address).matches()) {
            return false; // a host name would be looked up: refuse it
        }
        try {
            int bits = InetAddress.getByName(address).getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(cidr.substring(slash + 1));
            return prefix >= 0 && prefix <= bits;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
