package org.trustwatch.pipeline.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.pipeline.PipelineException;

class WorkloadTest {

    static final Path SAMPLES =
            Path.of(System.getProperty("trustwatch.home", "..")).resolve("samples");

    @TempDir
    Path dir;

    @Test
    void theSamplesAreAWorkloadWithEveryFormatOnce() {
        Workload samples = Workload.read(SAMPLES);

        assertEquals(
                List.of(
                        "squid WOH",
                        "w3c GLN",
                        "e2guardian HTF",
                        "postfix null",
                        "m365-trace HTF",
                        "winlogbeat null",
                        "nxlog HTF",
                        "evtx-json GLN",
                        "mdm null",
                        "reports null"),
                samples.rows().stream()
                        .map(r -> r.format().formatName() + " " + r.schoolId())
                        .toList());
        assertTrue(samples.rows().stream().allMatch(r -> r.file().isAbsolute() && Files.isRegularFile(r.file())));
        assertEquals(samples.dir().resolve("reference"), samples.referenceDir());
        assertTrue(samples.settingsFile().isPresent());
        assertEquals(
                samples.dir().resolve("reference/categories.csv"),
                samples.categories().orElseThrow());
        assertTrue(samples.id().matches("samples-[0-9a-f]{6}"), samples.id());
        assertEquals(samples.id(), Workload.read(SAMPLES).id(), "the same directory, the same id");
    }

    @Test
    void everyBadRowIsReportedWithItsLine() throws Exception {
        Files.createDirectories(dir.resolve("reference"));
        Files.writeString(dir.resolve("a.log"), "x\n");
        Files.writeString(dir.resolve("b.log.gz"), "x\n");
        Files.writeString(
                dir.resolve("manifest.csv"),
                "format,school_id,path\nsquid,WOH,a.log\nnosuch,,a.log\nsquid,,missing.log\nsquid,,b.log.gz\n"
                        + "w3c,GLN,a.log\n");

        PipelineException e = assertThrows(PipelineException.class, () -> Workload.read(dir));

        String manifest = dir.resolve("manifest.csv").toString();
        assertTrue(e.getMessage().contains(manifest + ":3: unknown format 'nosuch'"), e.getMessage());
        assertTrue(e.getMessage().contains(manifest + ":4: " + dir.resolve("missing.log") + " is not a readable file"));
        assertTrue(e.getMessage().contains(manifest + ":5: b.log.gz is compressed"), e.getMessage());
        assertTrue(e.getMessage().contains(manifest + ":6: a.log is listed twice"), e.getMessage());
    }

    @Test
    void aManifestWithOtherColumnsOrNoReferenceIsRefused() throws Exception {
        Files.writeString(dir.resolve("manifest.csv"), "format,file\nsquid,a.log\n");

        PipelineException e = assertThrows(PipelineException.class, () -> Workload.read(dir));

        assertTrue(e.getMessage().contains(":1: the header lacks [school_id, path]"), e.getMessage());
        assertTrue(e.getMessage().contains("reference: no such directory"), e.getMessage());
    }
}
