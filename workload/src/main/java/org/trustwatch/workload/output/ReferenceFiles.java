package org.trustwatch.workload.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.trustwatch.workload.plant.Exemption;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.trust.School;
import org.trustwatch.workload.trust.Trust;
import org.trustwatch.workload.web.Sites;

/** reference/: schools, directory, devices, exemptions and categories CSV, as reference-data.md fixes them. */
public final class ReferenceFiles {

    private ReferenceFiles() {}

    public static void write(Path dir, Trust trust, List<Exemption> exemptions) throws IOException {
        Files.createDirectories(dir);
        try (Writer w = Files.newBufferedWriter(dir.resolve("schools.csv"), StandardCharsets.UTF_8)) {
            w.write("school_id,name,email_domains,networks,timezone,headteacher_email,dsl_email\n");
            for (School s : trust.schools()) {
                w.write(Csv.row(
                        s.id(), s.name(), s.domain(), s.network(), "Europe/London", s.headAddress(), s.dslAddress()));
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("directory.csv"), StandardCharsets.UTF_8)) {
            w.write("user_id,display_name,emails,role,school_id\n");
            for (Person p : trust.everyone()) {
                w.write(Csv.row(
                        p.userId(),
                        p.displayName(),
                        String.join(";", p.emails()),
                        p.role().csv(),
                        p.schoolId()));
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("devices.csv"), StandardCharsets.UTF_8)) {
            w.write("device_id,hostname,mac,school_id,assigned_user,type,encrypted,holds_personal_data,serial,location,"
                    + "allowed_roles\n");
            for (School s : trust.schools()) {
                List<Device> all = new ArrayList<>();
                s.staff().forEach(p -> all.add(p.laptop()));
                all.addAll(s.desktops());
                all.add(s.server());
                all.addAll(s.phones());
                all.addAll(s.sticks());
                for (Device d : all) {
                    w.write(Csv.row(
                            d.id(),
                            d.hostname(),
                            d.mac(),
                            d.schoolId(),
                            d.assignedUser(),
                            d.type(),
                            Boolean.toString(d.encrypted()),
                            Boolean.toString(d.holdsPersonalData()),
                            d.serial(),
                            d.location(),
                            d.allowedRoles()));
                }
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("exemptions.csv"), StandardCharsets.UTF_8)) {
            w.write("exemption_id,school_id,subject,category,match,starts,ends,approved_by,reason\n");
            for (Exemption e : exemptions) {
                w.write(Csv.row(
                        e.id(),
                        e.schoolId(),
                        e.subject(),
                        e.category().name(),
                        e.match(),
                        e.starts(),
                        e.ends(),
                        e.approvedBy(),
                        e.reason()));
            }
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("categories.csv"), StandardCharsets.UTF_8)) {
            w.write("domain,category\n");
            for (Map.Entry<String, String> e : Sites.categoryList().entrySet()) {
                w.write(Csv.row(e.getKey(), e.getValue()));
            }
        }
    }
}
