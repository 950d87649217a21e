package org.trustwatch.workload.activity;

import java.util.List;
import org.trustwatch.workload.logs.WinlogbeatLog;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;

/**
 * Interactive sessions at Windows devices, as Windows logs them: the logon, the first programs, the network logon to
 * the file server that maps the home drive, and at the end the sign-out. Every session is ended: a session left open
 * would last, for the correlation, until the account's next event (catalogue C08).
 */
public final class Sessions {

    private Sessions() {}

    /** An open session. */
    public record Session(Person person, Device device, String logonId, int type, long start) {}

    private static final List<String> STAFF_PROGRAMS = List.of(
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE",
            "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe",
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\EXCEL.EXE",
            "C:\\Program Files\\WindowsApps\\MSTeams_24295.605.3225.8804_x64__8wekyb3d8bbwe\\ms-teams.exe");

    private static final List<String> PUPIL_PROGRAMS = List.of(
            "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE",
            "C:\\Program Files\\Microsoft Office\\root\\Office16\\POWERPNT.EXE",
            "C:\\Program Files (x86)\\Scratch 3\\Scratch 3.exe");

    /** Logs on at {@code device} (type 2, or 10 over RDP) and starts the usual programs; maps the shares. */
    public static Session open(SchoolDay d, Person p, Device device, long at, int type, boolean mapShares) {
        WinlogbeatLog log = d.logs().endpoint();
        String id = log.newLogonId();
        log.logon(
                at,
                device,
                p.userId(),
                type,
                id,
                type == 10 ? null : "127.0.0.1",
                device.hostname().toUpperCase());
        log.process(at + 2_000, device, p.userId(), "C:\\Windows\\explorer.exe", "C:\\Windows\\System32\\userinit.exe");
        List<String> programs = p.isStaffLike() ? STAFF_PROGRAMS : PUPIL_PROGRAMS;
        int n = 1 + d.random().nextInt(3);
        for (int i = 0; i < n; i++) {
            log.process(
                    at + 20_000 + i * 45_000L,
                    device,
                    p.userId(),
                    programs.get(d.random().nextInt(programs.size())),
                    "C:\\Windows\\explorer.exe");
        }
        if (mapShares && device.ip() != null) {
            Device server = d.school().server();
            String share = p.isStaffLike() ? "Staff" : "Pupils";
            long t = at + 6_000;
            String net = log.newLogonId();
            log.logon(
                    t,
                    server,
                    p.userId(),
                    3,
                    net,
                    device.ip(),
                    device.hostname().toUpperCase());
            log.shareAccess(t + 100, server, p.userId(), device.ip(), share);
            log.logoff(t + 60_000 + d.random().nextInt(120_000), server, p.userId(), net, 3);
        }
        return new Session(p, device, id, type, at);
    }

    public static void close(SchoolDay d, Session s, long at) {
        d.logs().endpoint().logoff(at, s.device(), s.person().userId(), s.logonId(), s.type());
    }

    /** A failed logon at the device just before the right password (a typo), as people do now and then. */
    public static void typo(SchoolDay d, Person p, Device device, long at) {
        d.logs()
                .endpoint()
                .failedLogon(
                        at,
                        device,
                        p.userId(),
                        2,
                        "127.0.0.1",
                        device.hostname().toUpperCase());
    }
}
