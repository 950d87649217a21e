package org.trustwatch.ingest.endpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.trustwatch.ingest.LogParser;
import org.trustwatch.schema.EndpointEvent;

/**
 * The real public Windows logs in shared/data/real-logs (read at test time, never copied): at least 98% of the
 * events of every file accepted, and the fields the rules need extracted from known events.
 */
class EndpointRealLogsTest {

    private static Path root;

    @BeforeAll
    static void realLogs() {
        String dir = System.getProperty("trustwatch.realLogs");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "real logs not available");
        root = Path.of(dir);
    }

    /** Parses a file and checks the acceptance figure; events are counted as the format counts them. */
    private static List<EndpointEvent> accept(LogParser parser, Path file, long eventsInFile) throws IOException {
        Assumptions.assumeTrue(Files.isRegularFile(file), "missing " + file);
        Collected c = Collected.parseFile(parser, file);
        System.out.printf(
                "real log %s: %d of %d events accepted, %d rejected%n",
                root.relativize(file), c.events.size(), eventsInFile, c.rejects.size());
        assertTrue(
                c.events.size() >= Math.ceil(eventsInFile * 0.98),
                file.getFileName() + ": " + c.events.size() + " of " + eventsInFile + "; " + c.rejects);
        List<EndpointEvent> events = c.all(EndpointEvent.class);
        for (EndpointEvent e : events) {
            assertNotNull(e.getEventCode());
            assertNotNull(e.getEventAction());
            assertNotNull(e.getHostName(), "every Windows event names its computer");
        }
        return events;
    }

    private static long nonBlankLines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).count();
        }
    }

    /** Pretty-printed evtx_dump objects start with a line holding only "{". */
    private static long objectStarts(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.strip().equals("{") && l.startsWith("{")).count();
        }
    }

    private static EndpointEvent first(List<EndpointEvent> events, Predicate<EndpointEvent> p) {
        return events.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("no such event"));
    }

    private static Predicate<EndpointEvent> line(long n) {
        return e -> e.getLogLine() == n;
    }

    private static Predicate<EndpointEvent> code(String code) {
        return e -> code.equals(e.getEventCode());
    }

    // ------------------------------------------------------------------ NXLog (OTRF Security-Datasets)

    private static Path otrf(String relative) {
        return root.resolve("otrf-security-datasets").resolve(relative);
    }

    @Test
    void nxlogPasswordSprayAndKerberoasting() throws IOException {
        Path file = otrf("lateral_movement/host/purplesharp_ad_playbook_I_2020-10-22042947.security-channel-only.json");
        // the lab ran in US Eastern time; its NXLog wrote local EventTime
        List<EndpointEvent> events =
                accept(new NxlogParser(Collected.context(ZoneId.of("America/New_York"))), file, nonBlankLines(file));

        EndpointEvent spray = first(events, line(157));
        assertEquals("4625", spray.getEventCode());
        assertEquals("logon-failed", spray.getEventAction());
        assertEquals("failure", spray.getEventOutcome());
        assertEquals("lrodriguez", spray.getUserName());
        assertEquals("theshire.local", spray.getUserDomain());
        assertEquals(2, spray.getWinlogLogonType());
        assertEquals("workstation5", spray.getSourceHostname());
        assertEquals("workstation5.theshire.local", spray.getHostName());
        assertEquals("purplesharp.exe", spray.getProcessName());
        assertEquals(Instant.parse("2020-10-22T08:29:53Z"), spray.getTimestamp());
        assertEquals(
                7,
                events.stream()
                        .filter(code("4625"))
                        .filter(e -> "failure".equals(e.getEventOutcome()))
                        .map(EndpointEvent::getUserName)
                        .distinct()
                        .count(),
                "seven accounts sprayed");

        EndpointEvent ntlm = first(events, line(222));
        assertEquals("credential-validated", ntlm.getEventAction());
        assertEquals("failure", ntlm.getEventOutcome());
        assertEquals("lrodriguez", ntlm.getUserName());
        assertEquals("workstation5", ntlm.getSourceHostname());
        assertEquals("mordordc.theshire.local", ntlm.getHostName());

        EndpointEvent network = first(events, line(81));
        assertEquals("logged-in", network.getEventAction());
        assertEquals("pgustavo", network.getUserName());
        assertEquals("172.18.39.5", network.getSourceIp());
        assertEquals(3, network.getWinlogLogonType());
        assertNotNull(network.getWinlogLogonId());

        assertTrue(events.stream()
                .filter(code("4769"))
                .allMatch(e ->
                        "pgustavo".equals(e.getUserName()) || e.getUserName().endsWith("$")));
        assertEquals("wec.internal.cloudapp.net", network.getObserverHostname());
    }

    @Test
    void nxlogEventTimeInTheRightZoneMatchesTheForwardersClock() throws IOException {
        Path file = otrf("lateral_movement/host/purplesharp_ad_playbook_I_2020-10-22042947.security-channel-only.json");
        Assumptions.assumeTrue(Files.isRegularFile(file));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<EndpointEvent> events = Collected.parse(
                        new NxlogParser(Collected.context(ZoneId.of("America/New_York"))), lines.toArray(String[]::new))
                .all(EndpointEvent.class);
        assertEquals(lines.size(), events.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode node = JsonSupport.TREE_READER.readTree(lines.get(i));
            Instant received = Instant.parse(node.get("@timestamp").asText());
            Duration lag = Duration.between(events.get(i).getTimestamp(), received);
            assertTrue(!lag.isNegative() && lag.compareTo(Duration.ofMinutes(2)) < 0, "line " + (i + 1) + ": " + lag);
        }
    }

    @Test
    void nxlogSmbLateralMovement() throws IOException {
        Path file = otrf("lateral_movement/host/covenant_copy_smb_CreateRequest_2020-09-22145302.json");
        List<EndpointEvent> events = accept(new NxlogParser(Collected.context()), file, nonBlankLines(file));
        EndpointEvent share =
                first(events, e -> "5145".equals(e.getEventCode()) && "\\\\*\\C$".equals(e.getShareName()));
        assertEquals("pgustavo", share.getUserName());
        assertEquals("172.18.39.5", share.getSourceIp());
        assertEquals("success", share.getEventOutcome());
        EndpointEvent logon = first(events, line(56));
        assertEquals("logged-in", logon.getEventAction());
        assertEquals("0x4e13b2e", logon.getWinlogLogonId());
        EndpointEvent logoff =
                first(events, e -> "4634".equals(e.getEventCode()) && "0x4e13b2e".equals(e.getWinlogLogonId()));
        assertEquals("pgustavo", logoff.getUserName());
        assertEquals("logged-out", logoff.getEventAction());
    }

    @Test
    void nxlogLsassDumpReducedFieldSet() throws IOException {
        Path file = otrf("credential_access/host/cmd_lsass_memory_dumpert_syscalls_2020-10-1822561997.json");
        List<EndpointEvent> events = accept(new NxlogParser(Collected.context()), file, nonBlankLines(file));
        EndpointEvent start =
                first(events, e -> "1".equals(e.getEventCode()) && "outflank-dumpert.exe".equals(e.getProcessName()));
        assertEquals("process-started", start.getEventAction());
        assertEquals("d286348de31501385a3a8f57a08af602722913c36aaa4aa9fcb9ee129a7680c0", start.getProcessHashSha256());
        assertEquals("wardog", start.getUserName());
        assertEquals("cmd.exe", start.getProcessParentName());
        assertEquals(Instant.parse("2020-10-19T02:56:14.283Z"), start.getTimestamp(), "Sysmon's UtcTime");
        assertTrue(events.stream()
                .anyMatch(e -> "lsass.exe".equals(e.getTargetProcessName())
                        && "outflank-dumpert.exe".equals(e.getProcessName())
                        && "4663".equals(e.getEventCode())));
        EndpointEvent created = first(events, code("4688"));
        assertEquals("C:\\Users\\wardog\\Desktop\\Outflank-Dumpert.exe", created.getProcessExecutable());
    }

    @Test
    void nxlogPsexecService() throws IOException {
        Path file = otrf("credential_access/host/cmd_psexec_lsa_secrets_dump_2020-10-1903305471.json");
        List<EndpointEvent> events = accept(new NxlogParser(Collected.context()), file, nonBlankLines(file));
        EndpointEvent service = first(events, code("7045"));
        assertEquals("service-installed", service.getEventAction());
        assertEquals("PSEXESVC", service.getServiceName());
        assertEquals("%SystemRoot%\\PSEXESVC.exe", service.getProcessExecutable());
        EndpointEvent psexec =
                first(events, e -> "4688".equals(e.getEventCode()) && "psexec.exe".equals(e.getProcessName()));
        assertEquals("wardog", psexec.getUserName());
    }

    @Test
    void nxlogMimikatzZerologon() throws IOException {
        Path file = otrf(
                "lateral_movement/host/mimikatz_CVE-2020-1472_Unauthenticated_NetrServerAuthenticate2_2020-09-16233923.json");
        List<EndpointEvent> events = accept(new NxlogParser(Collected.context()), file, nonBlankLines(file));
        EndpointEvent mimikatz =
                first(events, e -> "4688".equals(e.getEventCode()) && "mimikatz.exe".equals(e.getProcessName()));
        assertEquals("pgustavo", mimikatz.getUserName());
        assertEquals("workstation5.theshire.local", mimikatz.getHostName());
    }

    // ------------------------------------------------------------------ evtx_dump JSON lines (EVTX-to-MITRE-Attack)

    private List<EndpointEvent> evtxLines(String name) throws IOException {
        Path file = root.resolve("evtx-to-mitre-attack/jsonl").resolve(name);
        return accept(new EvtxJsonParser(Collected.context()), file, nonBlankLines(file));
    }

    @Test
    void evtxBruteForceAndKerberos() throws IOException {
        List<EndpointEvent> ssh = evtxLines("ID4625-OpenSSH_brutforce_with_valid_users.jsonl");
        EndpointEvent failed = first(ssh, code("4625"));
        assertEquals("admmig", failed.getUserName());
        assertEquals("offsec.lan", failed.getUserDomain());
        assertEquals(8, failed.getWinlogLogonType());
        assertEquals("failure", failed.getEventOutcome());
        assertEquals("sshd.exe", failed.getProcessName());

        List<EndpointEvent> local = evtxLines("ID_4776,4625-AccountRestore_local_bruteforce.jsonl");
        assertEquals(
                8,
                local.stream()
                        .filter(code("4625"))
                        .filter(e -> "Admin".equals(e.getUserName()))
                        .count());
        assertEquals(
                8,
                local.stream()
                        .filter(e -> "Administrator".equals(e.getUserName()))
                        .count());
        assertTrue(local.stream().allMatch(e -> "failure".equals(e.getEventOutcome()) && e.getWinlogLogonType() == 2));
        assertEquals("accountrestore.exe", local.get(0).getProcessName());

        List<EndpointEvent> kerbrute = evtxLines("ID4768-4771-Kerberos_user_enumeration_(Kerbrute).jsonl");
        EndpointEvent tgt = first(kerbrute, code("4768"));
        assertEquals("Administrator", tgt.getUserName());
        assertEquals("10.23.123.11", tgt.getSourceIp());
        assertEquals("failure", tgt.getEventOutcome(), "status 0x12");
        assertTrue(kerbrute.stream().filter(code("4771")).allMatch(e -> "failure".equals(e.getEventOutcome())));

        List<EndpointEvent> brute = evtxLines("ID4771-Kerberos_brutforce_with_valid_user.jsonl");
        assertEquals(
                54,
                brute.stream()
                        .filter(e -> "admin-hacker".equals(e.getUserName()) && "10.23.123.11".equals(e.getSourceIp()))
                        .count());
    }

    @Test
    void evtxCredentialTheftAndLateralMovement() throws IOException {
        List<EndpointEvent> lsass = evtxLines("ID10-Mimikatz_LSASS_process_dump.jsonl");
        EndpointEvent access = first(lsass, code("10"));
        assertEquals("lsass.exe", access.getTargetProcessName());
        assertEquals("mimikatz.exe", access.getProcessName());
        EndpointEvent start = first(lsass, code("1"));
        assertEquals("admmig", start.getUserName());
        assertEquals(64, start.getProcessHashSha256().length());

        List<EndpointEvent> pth = evtxLines("ID4624-Mimikatz_Pass_the_hash.jsonl");
        EndpointEvent newCredentials = first(pth, code("4624"));
        assertEquals(9, newCredentials.getWinlogLogonType());
        assertEquals("admmig", newCredentials.getUserName());
        EndpointEvent share = first(pth, code("5145"));
        assertEquals("\\\\*\\C$", share.getShareName());
        assertEquals("10.23.23.9", share.getSourceIp());

        List<EndpointEvent> cme = evtxLines("4624,4674,4688-_CrackMap_Exec_SMB_mimikatz.jsonl");
        EndpointEvent anonymous = first(cme, code("4624"));
        assertEquals("10.23.123.11", anonymous.getSourceIp());
        assertEquals(
                5,
                cme.stream()
                        .filter(e -> "process-started".equals(e.getEventAction()))
                        .count());
    }

    @Test
    void evtxDevicesAccountsProxyAndDefender() throws IOException {
        List<EndpointEvent> printer = evtxLines("ID4674,6416_New_external_device_connected_(PrintNightmare).jsonl");
        EndpointEvent device = first(printer, code("6416"));
        assertEquals("PrintQueue", device.getExternalDeviceClass());
        assertEquals("SWD\\PRINTENUM\\{32FB2173-023E-43DF-9F82-0E851CC0D9BF}", device.getExternalDeviceId());

        List<EndpointEvent> nightmare = evtxLines("ID4688,6416,4648-SystemNightMare.jsonl");
        EndpointEvent explicit = first(nightmare, code("4648"));
        assertEquals("20.188.56.147", explicit.getSourceIp());
        assertEquals("admmig", explicit.getUserName());
        assertEquals(2, nightmare.stream().filter(code("6416")).count());

        List<EndpointEvent> account = evtxLines("ID4720-Local_user_created.jsonl");
        EndpointEvent created = first(account, code("4720"));
        assertEquals("admmig", created.getUserName());
        assertEquals("account created: JUMP01\\hacking-local-acct", created.getMessage());

        List<EndpointEvent> proxy = evtxLines("ID5600-proxy_configuration_changed.jsonl");
        assertTrue(proxy.stream().allMatch(e -> "proxy-config-changed".equals(e.getEventAction())));
        assertTrue(proxy.stream().anyMatch(e -> e.getMessage().contains("hacker-proxy.lan:123")));

        List<EndpointEvent> exclusion = evtxLines("ID5007-Defender_threat_exclusion_(native).jsonl");
        assertTrue(exclusion.stream()
                .anyMatch(e -> e.getMessage().contains("Exclusions\\Paths\\C:\\TOOLS\\mimikatz.exe")));
        assertEquals("SYSTEM", exclusion.get(0).getUserName());
    }

    // ------------------------------------------------------------------ evtx_dump pretty-printed (SigmaHQ regression)

    @Test
    void sigmaRegressionPrettyPrintedObjects() throws IOException {
        Path dir = root.resolve("sigma-regression");
        Assumptions.assumeTrue(Files.isDirectory(dir));
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 10);
        List<EndpointEvent> all = new java.util.ArrayList<>();
        for (Path file : files) {
            all.addAll(accept(new EvtxJsonParser(Collected.context()), file, objectStarts(file)));
        }
        EndpointEvent tor = first(all, e -> "1".equals(e.getEventCode()) && "firefox.exe".equals(e.getProcessName()));
        assertEquals("683574ebc203c630af98256516d7cbc50e270e7c5a56e1d46cb9ca671b3d9f32", tor.getProcessHashSha256());
        assertEquals("Administrator", tor.getUserName());
        EndpointEvent eicar = first(all, code("1119"));
        assertEquals("Tool:Win32/EICAR_Test_File", eicar.getThreatName());
        assertEquals("xodih", eicar.getUserName());
        assertEquals("redsun.exe", eicar.getProcessName());
        assertTrue(eicar.getFilePath().endsWith("TieringEngineService.exe"));
        assertTrue(all.stream()
                .anyMatch(e -> "file-created".equals(e.getEventAction())
                        && e.getFilePath().endsWith("procdump64.exe")));
        assertTrue(all.stream().anyMatch(e -> "advanced_port_scanner.exe".equals(e.getProcessName())));
    }
}
