package org.trustwatch.connect.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilePatternsTest {

    @TempDir
    Path dir;

    @Test
    void matchesAPlainPathWhenTheFileExists() throws Exception {
        Path log = touch("squid/access.log");

        assertEquals(List.of(log), matching(log.toString()));
        assertEquals(List.of(), matching(dir.resolve("squid/cache.log").toString()), "not there (yet)");
        assertEquals(List.of(), matching(dir.resolve("squid").toString()), "a directory is not a log");
    }

    @Test
    void aStarMatchesLiveFilesInOneDirectoryButNotTheirRotatedCopies() throws Exception {
        Path access = touch("squid/access.log");
        Path cache = touch("squid/cache.log");
        touch("squid/access.log.1");
        touch("squid/access.log.12");
        touch("squid/access.log-20261123");
        touch("squid/access.log.2026-11-23");
        touch("squid/access.log-2026-11-23-2");
        touch("squid/access.log.2.gz");
        touch("squid/access.log.gz");
        touch("squid/access.log-20261122.bz2");
        touch("squid/store.txt");
        touch("squid/old/access.log");

        assertEquals(List.of(access, cache), matching(dir + "/squid/*.log"));
        Path store = dir.resolve("squid/store.txt");
        assertEquals(List.of(access, cache, store), matching(dir + "/squid/*"), "every live file, no copies");
    }

    @Test
    void aDoubleStarMatchesAcrossDirectories() throws Exception {
        Path first = touch("schools/sch-001/proxy/access.log");
        Path second = touch("schools/sch-002/access.log");
        touch("schools/sch-002/access.log.1");
        touch("schools/sch-002/error.log");

        assertEquals(List.of(first, second), matching(dir + "/schools/**/access.log"));
    }

    @Test
    void aQuestionMarkMatchesOneCharacter() throws Exception {
        Path one = touch("proxy-1/access.log");
        Path two = touch("proxy-2/access.log");
        touch("proxy-10/access.log");

        assertEquals(List.of(one, two), matching(dir + "/proxy-?/access.log"));
    }

    @Test
    void matchesALinkToALogFile() throws Exception {
        Path target = touch("real/access.log");
        Path link = Files.createSymbolicLink(
                Files.createDirectories(dir.resolve("links")).resolve("access.log"), target);

        assertEquals(List.of(link), matching(dir + "/links/*.log"));
    }

    @Test
    void aMissingBaseDirectoryMatchesNothing() {
        assertEquals(List.of(), matching(dir + "/not-yet/*.log"));
        assertEquals(List.of(), matching(dir + "/not-yet/**/access.log"));
    }

    @Test
    void findsFilesThatAppearLater() throws Exception {
        FilePatterns patterns = new FilePatterns(List.of(dir + "/later/*.log"));
        assertEquals(List.of(), patterns.matchingFiles());

        Path log = touch("later/mail.log");

        assertEquals(List.of(log), patterns.matchingFiles());
    }

    @Test
    void givesEachFileOnceInPathOrderWhenPatternsOverlap() throws Exception {
        Path b = touch("logs/b.log");
        Path a = touch("logs/a.log");

        assertEquals(List.of(a, b), matching(dir + "/logs/*.log", b.toString(), dir + "/logs/?.log"));
    }

    @Test
    void skipsADirectoryItCannotReadAndFindsTheOtherFiles() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads every directory");
        Path before = touch("var/log/apache/access.log");
        touch("var/log/private/access.log");
        Path after = touch("var/log/squid/access.log");
        Path locked = dir.resolve("var/log/private");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assertEquals(List.of(before, after), matching(dir + "/var/log/**/access.log"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void theBaseDirectoryIsThePartBeforeTheFirstGlobCharacter() {
        assertEquals(Path.of("/srv/logs"), FilePatterns.baseDirectory("/srv/logs/*/access.log"));
        assertEquals(Path.of("/srv/logs"), FilePatterns.baseDirectory("/srv/logs/**"));
        assertEquals(Path.of("/srv"), FilePatterns.baseDirectory("/srv/log?/access.log"));
        assertEquals(Path.of("/var/log/squid/access.log"), FilePatterns.baseDirectory("/var/log/squid/access.log"));
    }

    private List<Path> matching(String... patterns) {
        return new FilePatterns(List.of(patterns)).matchingFiles();
    }

    private Path touch(String relative) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x\n");
        return file;
    }
}
