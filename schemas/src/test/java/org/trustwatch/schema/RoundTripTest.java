package org.trustwatch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The generated classes, their logical types and nested records survive Avro binary encoding. */
class RoundTripTest {

    private static final Instant AT = Instant.parse("2025-03-14T09:26:53.589Z");
    private static final Instant INGESTED = AT.plusSeconds(2);
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @TestFactory
    Stream<DynamicTest> everyTopicRecordSurvivesBinaryEncoding() {
        return samples().stream()
                .map(sample ->
                        dynamicTest(sample.getSchema().getName(), () -> assertEquals(sample, roundTrip(sample))));
    }

    @Test
    void thereIsASampleOfEveryTopicRecord() {
        Set<String> sampled = samples().stream()
                .map(sample -> sample.getSchema().getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SchemaConventionsTest.TOPIC_RECORDS), sampled);
    }

    @Test
    void generatedClassesKeepTheEcsPathsTheSinkReads() {
        Map<String, Schema> files = SchemaFiles.current();
        for (SpecificRecord sample : samples()) {
            Schema generated = sample.getSchema();
            for (Schema.Field field : files.get(generated.getName()).getFields()) {
                assertEquals(
                        field.getProp("ecs"),
                        generated.getField(field.name()).getProp("ecs"),
                        generated.getName() + "." + field.name());
            }
        }
    }

    private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) record.getClass();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(type).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<>(type)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }

    /** One record of each type, with every optional field set so that each union is exercised. */
    private static List<SpecificRecord> samples() {
        return List.of(
                proxyEvent(),
                mailEvent(),
                endpointEvent(),
                incidentReport(),
                school(),
                directoryEntry(),
                deviceRecord(),
                exemption(),
                incident(),
                alert());
    }

    private static ProxyEvent proxyEvent() {
        return ProxyEvent.newBuilder()
                .setTimestamp(AT)
                .setEventIngested(INGESTED)
                .setEventDataset("squid.access")
                .setSchoolId("WOH")
                .setObserverHostname("proxy1")
                .setLogFilePath("/var/log/squid/access.log")
                .setLogLine(42L)
                .setEventHash(HASH)
                .setEventOriginal("1710408413.589 120 10.1.2.3 TCP_MISS/200 5120 GET http://example.org/a.zip jsmith")
                .setSourceIp("10.1.2.3")
                .setUserName("jsmith")
                .setHttpRequestMethod("GET")
                .setUrlScheme("http")
                .setUrlDomain("example.org")
                .setUrlPort(80)
                .setUrlPath("/a.zip")
                .setUrlExtension("zip")
                .setHttpResponseStatusCode(200)
                .setHttpRequestBytes(310L)
                .setHttpResponseBytes(5120L)
                .setHttpResponseMimeType("application/zip")
                .setProxyResultCode("TCP_MISS")
                .setWebAction(WebAction.allowed)
                .setWebCategory("file-sharing")
                .setWebCategorySource("list")
                .build();
    }

    private static MailEvent mailEvent() {
        return MailEvent.newBuilder()
                .setTimestamp(AT)
                .setEventIngested(INGESTED)
                .setEventDataset("postfix")
                .setSchoolId("WOH")
                .setObserverHostname("mx1")
                .setLogFilePath("/var/log/mail.log")
                .setLogLine(7L)
                .setEventHash(HASH)
                .setEventOriginal(null)
                .setEmailMessageId("<abc@woh.example.sch.uk>")
                .setEmailLocalId("4F2A81C0D3")
                .setEmailDirection("outbound")
                .setEmailSenderAddress("jsmith@woh.example.sch.uk")
                .setEmailFromAddress("jsmith@woh.example.sch.uk")
                .setEmailFromName("J Smith")
                .setEmailToAddress(List.of("parent@exarnple.org"))
                .setEmailCcAddress(List.of())
                .setEmailRecipients(List.of(MailRecipient.newBuilder()
                        .setAddress("parent@exarnple.org")
                        .setStatus("sent")
                        .setRelayHost("mx.exarnple.org[192.0.2.7]:25")
                        .setTls(true)
                        .build()))
                .setEmailSubject("Report")
                .setEmailSize(48_213L)
                .setEmailClassification("OFFICIAL-SENSITIVE")
                .setEmailDmarcResult("pass")
                .setUserName("jsmith")
                .setSourceIp("10.1.2.3")
                .build();
    }

    private static EndpointEvent endpointEvent() {
        return EndpointEvent.newBuilder()
                .setTimestamp(AT)
                .setEventIngested(INGESTED)
                .setEventDataset("winlogbeat")
                .setSchoolId("WOH")
                .setObserverHostname("WOH-LT-017")
                .setLogFilePath("/data/winlogbeat.ndjson")
                .setLogLine(3L)
                .setEventHash(HASH)
                .setEventOriginal("{}")
                .setEventCode("4625")
                .setEventProvider("Microsoft-Windows-Security-Auditing")
                .setEventAction("logon-failed")
                .setEventCategory("authentication")
                .setEventOutcome("failure")
                .setHostName("WOH-LT-017")
                .setHostIp(List.of("10.1.2.3"))
                .setDeviceId("A-1017")
                .setDeviceSerial("5CG1234XYZ")
                .setUserName("jsmith")
                .setUserDomain("WOH")
                .setWinlogLogonType(2)
                .setWinlogLogonId("0x3e7")
                .setSourceIp("10.1.2.9")
                .setSourceHostname("WOH-LT-020")
                .setProcessName("nmap.exe")
                .setProcessExecutable("C:\\Tools\\nmap.exe")
                .setProcessHashSha256(HASH)
                .setProcessParentName("cmd.exe")
                .setTargetProcessName("lsass.exe")
                .setFilePath("E:\\pupils.xlsx")
                .setFileDriveLetter("E")
                .setFileAccess("WriteData")
                .setShareName("\\\\*\\Admin$")
                .setExternalDeviceId("USBSTOR\\DISK&VEN_SANDISK\\0401")
                .setExternalDeviceClass("DiskDrive")
                .setExternalDeviceName("SanDisk Cruzer")
                .setPackageName("Tor Browser")
                .setPackageVersion("13.0")
                .setServiceName("PSEXESVC")
                .setThreatName("Trojan:Win32/Example")
                .setMdmReportedBy("office@woh.example.sch.uk")
                .setMdmLocation("WOH/Room-4")
                .setMessage("left on the bus")
                .build();
    }

    private static IncidentReport incidentReport() {
        return IncidentReport.newBuilder()
                .setReportId("R-2025-0001")
                .setTimestamp(AT)
                .setEventIngested(INGESTED)
                .setEventDataset("reports")
                .setSchoolId("WOH")
                .setObserverHostname("console")
                .setLogFilePath("reports.jsonl")
                .setLogLine(1L)
                .setEventHash(HASH)
                .setEventOriginal(null)
                .setReporter("jsmith")
                .setKind(ReportKind.misdirected_email)
                .setDescription("Sent the class list to the wrong parent")
                .setDeviceId("A-1017")
                .setMessageId("<abc@woh.example.sch.uk>")
                .setRecipients(List.of("parent@exarnple.org"))
                .setPersonalData(true)
                .build();
    }

    private static School school() {
        return School.newBuilder()
                .setSchoolId("WOH")
                .setName("Woodhouse Primary")
                .setEmailDomains(List.of("woh.example.sch.uk"))
                .setNetworks(List.of("10.1.0.0/16"))
                .setHeadteacherEmail("head@woh.example.sch.uk")
                .setDslEmail("dsl@woh.example.sch.uk")
                .build();
    }

    private static DirectoryEntry directoryEntry() {
        return DirectoryEntry.newBuilder()
                .setUserId("jsmith")
                .setDisplayName("J Smith")
                .setEmails(List.of("jsmith@woh.example.sch.uk", "j.smith@gmail.example"))
                .setRole(Role.staff)
                .setSchoolId("WOH")
                .build();
    }

    private static DeviceRecord deviceRecord() {
        return DeviceRecord.newBuilder()
                .setDeviceId("A-1017")
                .setHostname("WOH-LT-017")
                .setMac("00:11:22:33:44:55")
                .setSchoolId("WOH")
                .setAssignedUser("jsmith")
                .setType(DeviceType.laptop)
                .setEncrypted(false)
                .setHoldsPersonalData(true)
                .setSerial("5CG1234XYZ")
                .setLocation("WOH/IT-suite-2")
                .setAllowedRoles(List.of(Role.staff, Role.ict))
                .build();
    }

    private static Exemption exemption() {
        return Exemption.newBuilder()
                .setExemptionId("E-7")
                .setSchoolId("WOH")
                .setSubject("role:pupil")
                .setCategory(IncidentCategory.INAPPROPRIATE_CONTENT)
                .setMatch("webcat:extremism")
                .setStarts(AT)
                .setEnds(AT.plus(Duration.ofHours(1)))
                .setApprovedBy("head")
                .setReason("Year 6 RE research")
                .build();
    }

    private static Incident incident() {
        return Incident.newBuilder()
                .setIncidentId("INAPPROPRIATE_CONTENT|WOH|jsmith|2025-03-14T09:20:00Z")
                .setCategory(IncidentCategory.INAPPROPRIATE_CONTENT)
                .setSeverity(3)
                .setSchoolId("WOH")
                .setSubject("jsmith")
                .setSubjectRole(Role.staff)
                .setRuleId("C05.adult-threshold")
                .setRuleDescription(">= 5 adult requests in 10 min")
                .setRuleThresholds(Map.of("c05.threshold.count", "5", "c05.threshold.window", "PT10M"))
                .setWindowStart(AT.minus(Duration.ofMinutes(6)))
                .setFirstSeen(AT.minus(Duration.ofMinutes(5)))
                .setLastSeen(AT)
                .setEventCount(6L)
                .setEvidence(List.of(Evidence.newBuilder()
                        .setTimestamp(AT)
                        .setSource("proxy")
                        .setEventHash(HASH)
                        .setSummary("GET example.org (adult), allowed")
                        .setLogFilePath("/var/log/squid/access.log")
                        .setLogLine(42L)
                        .build()))
                .setEvidenceDropped(1L)
                .setBreach(true)
                .setAwareAt(AT)
                .setIcoDeadline(AT.plus(Duration.ofHours(72)))
                .setNotify(List.of(AlertRecipientRole.headteacher, AlertRecipientRole.dpo))
                .setEscalated(false)
                .setUpdatedAt(AT)
                .setVersion(2L)
                .build();
    }

    private static Alert alert() {
        return Alert.newBuilder()
                .setAlertId("A-1")
                .setIncidentId("INAPPROPRIATE_CONTENT|WOH|jsmith|2025-03-14T09:20:00Z")
                .setCategory(IncidentCategory.INAPPROPRIATE_CONTENT)
                .setSeverity(3)
                .setSchoolId("WOH")
                .setSubject("pupil-3f9a")
                .setSubjectPseudonymised(true)
                .setRecipients(List.of(AlertRecipient.newBuilder()
                        .setRole(AlertRecipientRole.dsl)
                        .setAddress("dsl@woh.example.sch.uk")
                        .build()))
                .setDelivery(AlertDelivery.digest)
                .setReason("new")
                .setSummary("Inappropriate content: 6 requests")
                .setCreatedAt(AT)
                .build();
    }
}
