package org.trustwatch.workload.trust;

import java.util.List;

/**
 * One person of the directory. {@code emails} lists every address directory.csv gives (school address first, then
 * aliases such as {@code head@}, then a known personal address); {@code laptop} is the device assigned to them, if
 * any.
 */
public record Person(
        String userId,
        String firstName,
        String lastName,
        Role role,
        String schoolId,
        List<String> emails,
        String personalEmail,
        int yearGroup,
        Device laptop,
        String parentEmail) {

    public String displayName() {
        return firstName + " " + lastName;
    }

    /** The address the person sends from at school. */
    public String email() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    public boolean isStaffLike() {
        return role == Role.STAFF || role == Role.ICT;
    }
}
