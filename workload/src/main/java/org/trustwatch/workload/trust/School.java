package org.trustwatch.workload.trust;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One school of the trust: its people, devices and the formats its systems log in. Odd-numbered schools run Squid
 * and Postfix, even-numbered ones a Blue Coat ProxySG (W3C) and Microsoft 365, so a trust exercises both kinds of
 * proxy and mail source.
 */
public final class School {

    private final int number;
    private final String id;
    private final String name;
    private final String domain;
    private final int octet;
    final List<Person> staff = new ArrayList<>();
    final List<Person> pupils = new ArrayList<>();
    final List<Person> others = new ArrayList<>();
    final List<List<Person>> forms = new ArrayList<>();
    final List<List<Device>> suites = new ArrayList<>();
    final List<Device> phones = new ArrayList<>();
    final List<Device> sticks = new ArrayList<>();
    Device server;
    Person head;
    Person dsl;

    School(int number, String name, String domain) {
        this.number = number;
        this.id = String.format(java.util.Locale.ROOT, "S%02d", number);
        this.name = name;
        this.domain = domain;
        this.octet = 10 + number;
    }

    public int number() {
        return number;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String domain() {
        return domain;
    }

    public String network() {
        return "10." + octet + ".0.0/16";
    }

    /** An address in the school's network: {@code 10.<school>.<block>.<host>}. */
    public String ip(int block, int host) {
        return "10." + octet + "." + block + "." + host;
    }

    public Formats proxyFormat() {
        return number % 2 == 1 ? Formats.SQUID : Formats.W3C;
    }

    public Formats mailFormat() {
        return number % 2 == 1 ? Formats.POSTFIX : Formats.M365_TRACE;
    }

    /** The school's log formats, in the order manifest.csv lists them. */
    public List<Formats> formats() {
        return List.of(proxyFormat(), mailFormat(), Formats.WINLOGBEAT, Formats.MDM, Formats.REPORTS);
    }

    /** Staff and ICT, the head first. */
    public List<Person> staff() {
        return Collections.unmodifiableList(staff);
    }

    public List<Person> pupils() {
        return Collections.unmodifiableList(pupils);
    }

    /** Pupils by form group: a class that goes to an IT suite together. */
    public List<List<Person>> forms() {
        return Collections.unmodifiableList(forms);
    }

    /** Shared desktops by IT suite. */
    public List<List<Device>> suites() {
        return Collections.unmodifiableList(suites);
    }

    public List<Device> phones() {
        return Collections.unmodifiableList(phones);
    }

    /** School-issued encrypted memory sticks. */
    public List<Device> sticks() {
        return Collections.unmodifiableList(sticks);
    }

    /** The file server: staff and pupil shares, ICT only at the console. */
    public Device server() {
        return server;
    }

    public Person head() {
        return head;
    }

    public Person dsl() {
        return dsl;
    }

    public String headAddress() {
        return "head@" + domain;
    }

    public String dslAddress() {
        return "dsl@" + domain;
    }

    /** The school's own Postfix relay. */
    public String mailHost() {
        return "mail01";
    }

    public String mailServerIp() {
        return ip(0, 25);
    }

    /** Where staff who are away from their laptop send mail from (Outlook on the web through the gateway). */
    public String webmailGatewayIp() {
        return ip(0, 30);
    }

    public List<Device> desktops() {
        List<Device> all = new ArrayList<>();
        suites.forEach(all::addAll);
        return all;
    }
}
