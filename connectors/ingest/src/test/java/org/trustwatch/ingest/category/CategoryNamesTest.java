package org.trustwatch.ingest.category;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CategoryNamesTest {

    @Test
    void theCanonicalCategoriesAreThoseOfReferenceData() {
        assertEquals(
                List.of(
                        "child-abuse",
                        "terrorism",
                        "extremism",
                        "adult",
                        "hate",
                        "violence",
                        "self-harm",
                        "weapons",
                        "drugs",
                        "gambling",
                        "games",
                        "dating",
                        "social-networking",
                        "streaming",
                        "shopping",
                        "webmail",
                        "file-sharing",
                        "anonymiser",
                        "hacking",
                        "malware",
                        "phishing",
                        "education",
                        "uncategorised"),
                CanonicalCategory.ids());
        assertEquals(CanonicalCategory.SELF_HARM, CanonicalCategory.fromId(" Self-Harm "));
        assertNull(CanonicalCategory.fromId("porn"));
    }

    @Test
    void seriousnessPutsSafeguardingFirst() {
        assertEquals(
                CanonicalCategory.CHILD_ABUSE,
                CanonicalCategory.moreSerious(CanonicalCategory.ADULT, CanonicalCategory.CHILD_ABUSE));
        assertEquals(
                CanonicalCategory.SELF_HARM,
                CanonicalCategory.moreSerious(CanonicalCategory.SELF_HARM, CanonicalCategory.VIOLENCE));
        assertEquals(
                CanonicalCategory.ANONYMISER,
                CanonicalCategory.moreSerious(CanonicalCategory.SHOPPING, CanonicalCategory.ANONYMISER));
        assertEquals(
                CanonicalCategory.EDUCATION,
                CanonicalCategory.moreSerious(CanonicalCategory.UNCATEGORISED, CanonicalCategory.EDUCATION));
        long distinct = java.util.Arrays.stream(CanonicalCategory.values())
                .mapToInt(CanonicalCategory::seriousness)
                .distinct()
                .count();
        assertEquals(CanonicalCategory.values().length, distinct, "a total order");
    }

    @Test
    void blueCoatNamesMapOntoCanonicalCategories() {
        assertEquals(CanonicalCategory.ADULT, FilterCategoryNames.categoryOf("Pornography"));
        assertEquals(CanonicalCategory.ADULT, FilterCategoryNames.categoryOf("Adult/Mature Content"));
        assertEquals(CanonicalCategory.CHILD_ABUSE, FilterCategoryNames.categoryOf("Child Pornography"));
        assertEquals(CanonicalCategory.GAMBLING, FilterCategoryNames.categoryOf("gambling"));
        assertEquals(CanonicalCategory.GAMES, FilterCategoryNames.categoryOf("Games"));
        assertEquals(CanonicalCategory.SOCIAL_NETWORKING, FilterCategoryNames.categoryOf("Social Networking"));
        assertEquals(CanonicalCategory.SOCIAL_NETWORKING, FilterCategoryNames.categoryOf("Personal Sites and Blogs"));
        assertEquals(CanonicalCategory.ANONYMISER, FilterCategoryNames.categoryOf("Proxy Avoidance"));
        assertEquals(CanonicalCategory.ANONYMISER, FilterCategoryNames.categoryOf("Anonymizers"));
        assertEquals(CanonicalCategory.HACKING, FilterCategoryNames.categoryOf("Hacking"));
        assertEquals(CanonicalCategory.MALWARE, FilterCategoryNames.categoryOf("Malicious Sources/Malnets"));
        assertEquals(CanonicalCategory.PHISHING, FilterCategoryNames.categoryOf("Phishing"));
        assertEquals(CanonicalCategory.HATE, FilterCategoryNames.categoryOf("Violence/Hate/Racism"));
        assertEquals(
                CanonicalCategory.VIOLENCE,
                FilterCategoryNames.categoryOf("Extreme"),
                "Blue Coat's Extreme is gore and mutilation, not political extremism");
        assertEquals(CanonicalCategory.WEAPONS, FilterCategoryNames.categoryOf("Weapons"));
        assertEquals(CanonicalCategory.DRUGS, FilterCategoryNames.categoryOf("Drugs"));
        assertEquals(CanonicalCategory.FILE_SHARING, FilterCategoryNames.categoryOf("Online Storage"));
        assertEquals(CanonicalCategory.FILE_SHARING, FilterCategoryNames.categoryOf("File Storage/Sharing"));
        assertEquals(CanonicalCategory.WEBMAIL, FilterCategoryNames.categoryOf("Web Email"));
        assertEquals(CanonicalCategory.SHOPPING, FilterCategoryNames.categoryOf("Shopping"));
        assertEquals(CanonicalCategory.STREAMING, FilterCategoryNames.categoryOf("Media Sharing"));
        assertEquals(CanonicalCategory.STREAMING, FilterCategoryNames.categoryOf("Audio/Video Clips"));
        assertEquals(CanonicalCategory.EDUCATION, FilterCategoryNames.categoryOf("Education"));
        assertEquals(CanonicalCategory.DATING, FilterCategoryNames.categoryOf("Personals/Dating"));
        assertEquals(CanonicalCategory.TERRORISM, FilterCategoryNames.categoryOf("terrorism"));
        assertEquals(CanonicalCategory.UNCATEGORISED, FilterCategoryNames.categoryOf("none"));
        assertEquals(CanonicalCategory.ANONYMISER, FilterCategoryNames.categoryOf("vpn"), "list names are understood");
        assertNull(FilterCategoryNames.categoryOf("Technology/Internet"));
        assertNull(FilterCategoryNames.categoryOf("child"), "UT1's child list is sites for children");
        assertNull(FilterCategoryNames.categoryOf("  "));
    }

    @Test
    void severalNamesGiveTheMostSeriousKnownOne() {
        assertEquals(CanonicalCategory.ADULT, FilterCategoryNames.mostSerious("Adult/Mature Content;Pornography", ";"));
        assertEquals(
                CanonicalCategory.HATE,
                FilterCategoryNames.mostSerious("Education; Technology/Internet ;Violence/Hate/Racism", ";"));
        assertEquals(CanonicalCategory.GAMES, FilterCategoryNames.mostSerious("none;Games", ";"));
        assertNull(FilterCategoryNames.mostSerious("Technology/Internet;;News/Media", ";"));
        assertEquals(CanonicalCategory.VIOLENCE, FilterCategoryNames.mostSerious("Gambling, Gore", ",;"));
    }

    @Test
    void ut1AndShallaDirectoryNames() {
        assertEquals(CanonicalCategory.HATE, ListCategoryNames.categoryOf("agressif"));
        assertEquals(CanonicalCategory.ANONYMISER, ListCategoryNames.categoryOf("redirector"));
        assertEquals(CanonicalCategory.STREAMING, ListCategoryNames.categoryOf("audio-video"));
        assertEquals(CanonicalCategory.GAMES, ListCategoryNames.categoryOf("hobby\\games-online"));
        assertEquals(CanonicalCategory.GAMBLING, ListCategoryNames.categoryOf("gamble"));
        assertEquals(CanonicalCategory.DRUGS, ListCategoryNames.categoryOf("drogue"));
        assertEquals(CanonicalCategory.WEAPONS, ListCategoryNames.categoryOf("dangerous_material"));
        assertEquals(CanonicalCategory.FILE_SHARING, ListCategoryNames.categoryOf("filehosting"));
        assertNull(ListCategoryNames.categoryOf("child"));
        assertTrue(ListCategoryNames.isIgnored("child"));
        assertTrue(ListCategoryNames.isIgnored("strong_redirector"));
        assertTrue(ListCategoryNames.isIgnored("remote-control"));
        assertFalse(ListCategoryNames.isIgnored("recettes"));
        assertNull(ListCategoryNames.categoryOf("recettes"));
    }
}
