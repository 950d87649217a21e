package org.trustwatch.workload.plant;

import static org.trustwatch.workload.plant.Category.DATA_DISCLOSURE;
import static org.trustwatch.workload.plant.Category.UNAPPROVED_CLOUD_STORAGE;
import static org.trustwatch.workload.plant.Plot.min;

import java.util.List;
import org.trustwatch.workload.trust.Person;
import org.trustwatch.workload.web.Site;
import org.trustwatch.workload.web.Sites;

/**
 * Uploads through the proxy. C12: 6.3 MB to WeTransfer in ten minutes (the limit is 5 MB an hour to unapproved
 * file-sharing). C17: 22 MB of class photos to an unknown photo site in 25 minutes (20 MB an hour anywhere but
 * education). Near misses: 4.8 MB to Dropbox, 18 MB to the photo site.
 */
final class UploadPlanter {

    private UploadPlanter() {}

    static List<Scenario> scenarios() {
        return List.of(
                Scenario.of("upload to WeTransfer", UNAPPROVED_CLOUD_STORAGE, UploadPlanter::cloud),
                Scenario.of("upload to an unknown site", DATA_DISCLOSURE, UploadPlanter::disclosure));
    }

    private static void cloud(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long first = p.at(12, 20);
        uploads(p, teacher, Sites.WETRANSFER, first, 3, 2_100_000, 5);
        p.incident(
                UNAPPROVED_CLOUD_STORAGE,
                teacher.userId(),
                first,
                "C12.cloud-upload",
                "6.3 MB to WeTransfer in ten minutes");

        Person near = p.actors().teacher();
        Stage.teacherDay(p, near);
        uploads(p, near, Sites.DROPBOX, p.at(15, 40), 2, 2_400_000, 8);
        p.nearMiss(UNAPPROVED_CLOUD_STORAGE, "4.8 MB to Dropbox in an hour (the limit is 5 MB)");
    }

    private static void disclosure(Plot p) {
        Person teacher = p.actors().teacher();
        Stage.teacherDay(p, teacher);
        long first = p.at(13, 5);
        uploads(p, teacher, Sites.PHOTO_UPLOAD, first, 11, 2_000_000, 2);
        p.incident(
                DATA_DISCLOSURE,
                teacher.userId(),
                first,
                "C17.upload",
                "22 MB of class photos to an unknown photo site");

        Person near = p.actors().teacher();
        Stage.teacherDay(p, near);
        uploads(p, near, Sites.PHOTO_UPLOAD, p.at(10, 10), 9, 2_000_000, 5);
        p.nearMiss(DATA_DISCLOSURE, "18 MB to the photo site in an hour (the limit is 20 MB)");
    }

    /** {@code n} uploads of {@code bytes} each, {@code gapMinutes} apart, from the teacher's laptop. */
    private static void uploads(Plot p, Person who, Site site, long first, int n, long bytes, int gapMinutes) {
        for (int i = 0; i < n; i++) {
            Stage.upload(p, first + min((long) gapMinutes * i), who.laptop(), who, site, bytes);
        }
    }
}
