package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.REMOVABLE_MEDIA;
import static org.trustwatch.workload.plant.Plot.s;

import java.util.List;
import org.trustwatch.workload.trust.Device;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.trust.TrustBuilder;

/**
 * C02: a teacher copies the SEN register to their own unencrypted stick. Near misses: pupil data written to a
 * school-issued encrypted stick, and photos only read from an unknown stick.
 */
final class RemovableMediaPlanter {

    private RemovableMediaPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(Scenario.of("SEN register on an unknown stick", REMOVABLE_MEDIA, RemovableMediaPlanter::plant));
    }

    private static void plant(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        Device laptop = teacher.laptop();
        long plug = p.at(11, 20);
        p.logs()
                .endpoint()
                .deviceConnected(
                        plug,
                        laptop,
                        TrustBuilder.stickInstance("SANDISK", "CRUZER_BLADE", "4C530001230712110483"),
                        "SanDisk Cruzer Blade",
                        "DiskDrive");
        long write = plug + s(95);
        p.logs().endpoint().fileCreated(write, laptop, teacher.userId(), "E:\\Year 10 SEN register.xlsx");
        p.logs().endpoint().fileCreated(write + s(4), laptop, teacher.userId(), "E:\\SEN provision map.docx");
        p.incident(
                REMOVABLE_MEDIA,
                teacher.userId(),
                write,
                "C02.removable-write",
                "SEN register written to a stick that is not school-issued (sensitive)");

        Person careful = p.actors().teacher();
        Stage.teacherDay(p, careful);
        Device stick = p.school().sticks().get(0);
        long t = p.at(13, 15);
        p.logs().endpoint().deviceConnected(t, careful.laptop(), stick.serial(), "Kingston IronKey D300", "DiskDrive");
        p.logs().endpoint().fileCreated(t + s(60), careful.laptop(), careful.userId(), "E:\\Pupil progress Y8.xlsx");
        p.nearMiss(REMOVABLE_MEDIA, "pupil data written to a school-issued encrypted stick");

        Person reader = p.actors().teacher();
        Stage.teacherDay(p, reader);
        long r = p.at(14, 30);
        p.logs()
                .endpoint()
                .deviceConnected(
                        r,
                        reader.laptop(),
                        TrustBuilder.stickInstance("GENERIC", "FLASH_DISK", "8A1F2C33"),
                        "Generic Flash Disk",
                        "DiskDrive");
        p.logs().endpoint().fileRead(r + s(40), reader.laptop(), reader.userId(), "E:\\Trip photos\\IMG_2203.jpg");
        p.nearMiss(REMOVABLE_MEDIA, "photos read, nothing written, from an unknown stick");
    }
}
