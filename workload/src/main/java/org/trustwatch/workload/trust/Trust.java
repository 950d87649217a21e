package org.trustwatch.workload.trust;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The generated trust: its schools (with their people and devices), its Active Directory domain, and the outside
 * domains its staff mail: the trust's central office, the local council, exam boards and suppliers (partners), and
 * the parents' webmail providers.
 */
public final class Trust {

    private final String name;
    private final String adNetbios;
    private final String adDomain;
    private final String officeDomain;
    private final String councilDomain;
    private final List<School> schools;
    private final Map<String, School> byDomain = new HashMap<>();

    Trust(String name, String adNetbios, String officeDomain, String councilDomain, List<School> schools) {
        this.name = name;
        this.adNetbios = adNetbios;
        this.adDomain = adNetbios.toLowerCase(java.util.Locale.ROOT) + ".local";
        this.officeDomain = officeDomain;
        this.councilDomain = councilDomain;
        this.schools = List.copyOf(schools);
        for (School school : schools) {
            byDomain.put(school.domain(), school);
        }
    }

    public String name() {
        return name;
    }

    /** The NetBIOS name of the AD domain, as Windows events write it ({@code TRUST\jsmith}). */
    public String adNetbios() {
        return adNetbios;
    }

    public String adDomain() {
        return adDomain;
    }

    public String officeDomain() {
        return officeDomain;
    }

    public String councilDomain() {
        return councilDomain;
    }

    public List<School> schools() {
        return schools;
    }

    /** The school whose mail domain this address is in, or null for an outside address. */
    public School schoolOfAddress(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? null : byDomain.get(address.substring(at + 1));
    }

    /** Everyone, school by school, in directory order. */
    public List<Person> everyone() {
        List<Person> all = new ArrayList<>();
        for (School s : schools) {
            all.addAll(s.staff);
            all.addAll(s.pupils);
            all.addAll(s.others);
        }
        return Collections.unmodifiableList(all);
    }
}
