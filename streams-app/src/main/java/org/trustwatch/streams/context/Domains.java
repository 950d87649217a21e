package org.trustwatch.streams.context;

/** Domain names as the policies mean them: a domain covers its subdomains. */
final class Domains {

    private Domains() {}

    /** Whether {@code name} is {@code domain} or one of its subdomains (both lower case). */
    static boolean within(String name, String domain) {
        return name.equals(domain)
                || name.length() > domain.length()
                        && name.endsWith(domain)
                        && name.charAt(name.length() - domain.length() - 1) == '.';
    }
}
