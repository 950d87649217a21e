package org.trustwatch.workload.trust;

/**
 * One row of the asset register. {@code ip} is the fixed (DHCP-reserved) address the device has on the school
 * network, null for devices without one (memory sticks); {@code type} and {@code allowedRoles} as devices.csv spells
 * them.
 */
public record Device(
        String id,
        String hostname,
        String mac,
        String schoolId,
        String assignedUser,
        String type,
        boolean encrypted,
        boolean holdsPersonalData,
        String serial,
        String location,
        String allowedRoles,
        String ip) {

    /** How Windows logs the computer: upper case, in the trust's AD domain. */
    public String computerName(String adDomain) {
        return hostname.toUpperCase(java.util.Locale.ROOT) + "." + adDomain;
    }
}
