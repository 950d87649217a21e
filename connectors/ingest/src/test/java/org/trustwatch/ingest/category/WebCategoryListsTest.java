package org.trustwatch.ingest.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trustwatch.ingest.Problems;

class WebCategoryListsTest {

    @TempDir
    Path dir;

    private Path write(String relative, String content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void csvDomainsMatchThemselvesAndTheirSubdomainsLongestSuffixWinning() throws IOException {
        Path csv = write(
                "categories.csv",
                "domain,category\n"
                        + "example.org,shopping\n"
                        + "games.example.org,games\n"
                        + "xxx,adult\n"
                        + "203.0.113.9,malware\n");
        Problems errors = new Problems();
        DomainCategories list = WebCategoryLists.load(csv, errors);

        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals(4, list.size());
        assertEquals("shopping", list.categoryOf("example.org"));
        assertEquals("shopping", list.categoryOf("www.example.org"));
        assertEquals("games", list.categoryOf("games.example.org"));
        assertEquals("games", list.categoryOf("a.b.games.example.org"), "the longest listed suffix wins");
        assertEquals("shopping", list.categoryOf("notgames.example.org"), "suffixes are whole labels");
        assertNull(list.categoryOf("example.com"));
        assertNull(list.categoryOf("badexample.org"), "a suffix must start at a dot");
        assertEquals("shopping", list.categoryOf("WWW.Example.ORG."), "case and a trailing dot are ignored");
        assertEquals("adult", list.categoryOf("anything.xxx"), "a listed top-level domain covers everything in it");
        assertEquals("malware", list.categoryOf("203.0.113.9"));
        assertNull(list.categoryOf("1.203.0.113.9"), "an IP address matches only itself");
        assertNull(list.categoryOf(null));
        assertNull(list.categoryOf(""));
        assertNull(list.categoryOf("."));
    }

    @Test
    void csvColumnsMayComeInAnyOrderWithQuotesExtraColumnsAndMappableNames() throws IOException {
        Path csv = write(
                "categories.csv",
                "\uFEFFnote,Category,Domain\r\n"
                        + "\"added by ICT, 2024\",Pornography,*.badsite.example\r\n"
                        + "\"multi\nline note\",porn,.other.example\r\n"
                        + "\r\n"
                        + "-,Proxy Avoidance,hidemy.name\r\n"
                        + "x,Social Networking,TikTok.com\r\n"
                        + "x,webmail,bücher.example\r\n");
        Problems errors = new Problems();
        DomainCategories list = WebCategoryLists.loadCsv(csv, errors);

        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals("adult", list.categoryOf("www.badsite.example"));
        assertEquals("adult", list.categoryOf("other.example"));
        assertEquals("anonymiser", list.categoryOf("hidemy.name"));
        assertEquals("social-networking", list.categoryOf("www.tiktok.com"));
        assertEquals("webmail", list.categoryOf("mail.xn--bcher-kva.example"), "IDN domains are kept as punycode");
    }

    @Test
    void badCsvRowsAreReportedWithFileAndRowAndSkipped() throws IOException {
        Path csv = write(
                "categories.csv",
                "domain,category\n" // row 1
                        + "ok.example,games\n" // 2
                        + "https://www.bad.example/page,adult\n" // 3
                        + ",adult\n" // 4
                        + "nocategory.example\n" // 5
                        + "unknown.example,knitting\n" // 6
                        + "empty.example,\n" // 7
                        + "ok.example,adult\n" // 8
                        + "ok.example,games\n" // 9
                        + "bad domain.example,adult\n" // 10
                        + "\"quoted\nrow\",adult\n" // 11-12
                        + "a..b.example,adult\n" // 13
                        + "fine.example,gambling\n"); // 14
        Problems errors = new Problems();
        DomainCategories list = WebCategoryLists.loadCsv(csv, errors);

        String file = csv.toString();
        List<String> expected = List.of(
                file + ":3: 'https://www.bad.example/page' is a URL, not a domain: write just the host name",
                file + ":4: empty domain",
                file + ":5: has 1 column(s), the header names 2",
                file + ":6: unknown category 'knitting': use one of " + String.join(", ", CanonicalCategory.ids()),
                file + ":7: no category for 'empty.example'",
                file + ":8: 'ok.example' is already listed as games, this row (adult) is ignored",
                file + ":10: 'bad domain.example' is not a domain name",
                file + ":11: 'quoted\nrow' is not a domain name".replace("\n", "?"),
                file + ":13: 'a..b.example' is not a domain name");
        assertEquals(expected, errors.all());
        assertEquals("games", list.categoryOf("ok.example"));
        assertEquals("gambling", list.categoryOf("fine.example"), "loading carries on after bad rows");
        assertEquals(2, list.size());
    }

    @Test
    void aCsvWithoutTheColumnsOrWithoutTheFileIsReportedNotThrown() throws IOException {
        Problems errors = new Problems();
        Path wrongHeader = write("wrong.csv", "host,type\nexample.org,games\n");
        assertEquals(0, WebCategoryLists.load(wrongHeader, errors).size());
        Path missing = dir.resolve("missing.csv");
        assertEquals(0, WebCategoryLists.load(missing, errors).size());
        Path empty = write("empty.csv", "");
        assertEquals(0, WebCategoryLists.load(empty, errors).size());

        assertEquals(3, errors.all().size(), errors::toString);
        assertEquals(
                wrongHeader + ":1: the header must name the columns domain and category, found: 'host,type'",
                errors.all().get(0));
        assertTrue(
                errors.all().get(1).startsWith(missing + ": cannot read: NoSuchFileException"),
                errors.all().get(1));
        assertEquals(
                empty + ":1: empty file: expected a header naming the columns domain and category",
                errors.all().get(2));
    }

    @Test
    void readsTheUt1LayoutMappingDirectoryNames() throws IOException {
        Path blacklists = dir.resolve("blacklists");
        write("blacklists/adult/domains", "# UT1 adult\n\npornhub.com\nxvideos.com\nboth.example\n");
        write("blacklists/adult/urls", "pornhub.com/view\n");
        write("blacklists/agressif/domains", "hate.example\nboth.example\n");
        write("blacklists/vpn/domains", "nordvpn.com\nhidemy.name\n");
        write("blacklists/drogue/domains", "drugs.example\n");
        write("blacklists/audio-video/domains", "www.youtube.com\n");
        write("blacklists/filehosting/domains", "wetransfer.com\n");
        write("blacklists/social_networks/domains", "tiktok.com\n");
        write("blacklists/shopping/domains", "amazon.co.uk\nxvideos.com\nshop.pornhub.com\n");
        write("blacklists/child/domains", "www.cbeebies.example\n");
        write("blacklists/strict_redirector/domains", "google.com\n");
        write("blacklists/recettes_bizarres/domains", "weird.example\n");
        write("blacklists/hobby/games-online/domains", "www.roblox.com\n");
        write("blacklists/games/domains", "coolmathgames.com\nnot a domain\n");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(
                Files.createDirectories(blacklists.resolve("phishing")).resolve("domains.gz")))) {
            out.write("paypa1-login.example\n".getBytes(StandardCharsets.UTF_8));
        }
        Problems errors = new Problems();
        DomainCategories list = WebCategoryLists.load(blacklists, errors);

        assertEquals("adult", list.categoryOf("www.pornhub.com"));
        assertEquals("adult", list.categoryOf("xvideos.com"), "in two lists: the most serious category wins");
        assertEquals("shopping", list.categoryOf("shop.pornhub.com"), "the longest listed suffix wins");
        assertEquals("hate", list.categoryOf("both.example"), "a later, more serious list replaces the category");
        assertEquals("hate", list.categoryOf("hate.example"), "agressif is UT1's spelling");
        assertEquals("anonymiser", list.categoryOf("nordvpn.com"));
        assertEquals("drugs", list.categoryOf("drugs.example"));
        assertEquals("streaming", list.categoryOf("www.youtube.com"));
        assertEquals("file-sharing", list.categoryOf("upload.wetransfer.com"));
        assertEquals("social-networking", list.categoryOf("www.tiktok.com"));
        assertEquals("shopping", list.categoryOf("amazon.co.uk"));
        assertEquals("games", list.categoryOf("www.roblox.com"), "nested Shalla names");
        assertEquals("games", list.categoryOf("coolmathgames.com"));
        assertEquals("phishing", list.categoryOf("paypa1-login.example"), "domains.gz is read");
        assertNull(list.categoryOf("www.cbeebies.example"), "UT1 child lists sites for children, not child abuse");
        assertNull(list.categoryOf("www.google.com"), "strict_redirector is not mapped");
        assertNull(list.categoryOf("weird.example"), "unknown directories are skipped");

        assertEquals(
                List.of(
                        blacklists.resolve("games/domains") + ":2: 'not a domain' is not a domain name",
                        blacklists.resolve("recettes_bizarres/domains")
                                + ": unknown block-list category 'recettes_bizarres', skipped (see ListCategoryNames"
                                + " for the names Trustwatch maps)"),
                errors.all());
    }

    @Test
    void reportsAtMostTwentyBadRowsPerFile() throws IOException {
        Path blacklists = dir.resolve("lists");
        write("lists/games/domains", "bad domain\n".repeat(25) + "good.example\n");
        Problems errors = new Problems();
        DomainCategories list = WebCategoryLists.load(blacklists, errors);
        assertEquals(21, errors.all().size());
        assertEquals(
                blacklists.resolve("games/domains") + ": 5 more bad rows not shown",
                errors.all().get(20));
        assertEquals("games", list.categoryOf("good.example"));
    }

    @Test
    void aDirectoryMayBeNamedAfterACanonicalCategory() throws IOException {
        Path lists = dir.resolve("own");
        write("own/self-harm/domains", "harm.example\n");
        write("own/terrorism/domains", "terror.example\n");
        Problems errors = new Problems();
        DomainCategories list = WebCategoryLists.load(lists, errors);
        assertTrue(errors.isEmpty(), errors::toString);
        assertEquals("self-harm", list.categoryOf("www.harm.example"));
        assertEquals("terrorism", list.categoryOf("terror.example"));
    }

    @Test
    void holdsManyDomains() {
        DomainTable table = new DomainTable();
        for (int i = 0; i < 300_000; i++) {
            assertEquals(-1, table.putIfAbsent("host" + i + ".example", i % 23));
        }
        DomainCategories list = new DomainCategories(table);
        assertEquals(300_000, list.size());
        for (int i = 0; i < 300_000; i += 7) {
            assertEquals(CanonicalCategory.values()[i % 23].id(), list.categoryOf("www.HOST" + i + ".example"));
        }
        assertNull(list.categoryOf("host300000.example"));
        assertEquals(5, table.putIfAbsent("host5.example", 9), "a present key keeps its value");
    }
}
