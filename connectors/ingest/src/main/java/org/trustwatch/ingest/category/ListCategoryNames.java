package org.trustwatch.ingest.category;

import static org.trustwatch.ingest.category.CanonicalCategory.ADULT;
import static org.trustwatch.ingest.category.CanonicalCategory.ANONYMISER;
import static org.trustwatch.ingest.category.CanonicalCategory.DATING;
import static org.trustwatch.ingest.category.CanonicalCategory.DRUGS;
import static org.trustwatch.ingest.category.CanonicalCategory.EDUCATION;
import static org.trustwatch.ingest.category.CanonicalCategory.EXTREMISM;
import static org.trustwatch.ingest.category.CanonicalCategory.FILE_SHARING;
import static org.trustwatch.ingest.category.CanonicalCategory.GAMBLING;
import static org.trustwatch.ingest.category.CanonicalCategory.GAMES;
import static org.trustwatch.ingest.category.CanonicalCategory.HACKING;
import static org.trustwatch.ingest.category.CanonicalCategory.HATE;
import static org.trustwatch.ingest.category.CanonicalCategory.MALWARE;
import static org.trustwatch.ingest.category.CanonicalCategory.PHISHING;
import static org.trustwatch.ingest.category.CanonicalCategory.SELF_HARM;
import static org.trustwatch.ingest.category.CanonicalCategory.SHOPPING;
import static org.trustwatch.ingest.category.CanonicalCategory.SOCIAL_NETWORKING;
import static org.trustwatch.ingest.category.CanonicalCategory.STREAMING;
import static org.trustwatch.ingest.category.CanonicalCategory.TERRORISM;
import static org.trustwatch.ingest.category.CanonicalCategory.VIOLENCE;
import static org.trustwatch.ingest.category.CanonicalCategory.WEAPONS;
import static org.trustwatch.ingest.category.CanonicalCategory.WEBMAIL;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The directory names of public block lists in the {@code <category>/domains} layout, mapped onto the canonical
 * categories. A directory may also be named after a canonical category itself ({@code self-harm/domains}).
 *
 * <p>UT1 (Université Toulouse 1 Capitole, the list most European schools use; names as in its README, French where
 * UT1 is French):
 *
 * <pre>
 * adult                        adult         (UT1 folded its old "porn" list into adult)
 * porn                         adult         (old UT1 name, Shalla)
 * agressif / aggressive        hate          (UT1 spells it agressif: racist and aggressive sites)
 * dangerous_material           weapons       (how to make bombs and dangerous material)
 * drogue / drugs               drugs
 * gambling, arjel              gambling      (arjel: French licensed gambling sites)
 * games                        games
 * dating                       dating
 * social_networks, chat        social-networking
 * audio-video, radio           streaming
 * shopping                     shopping
 * webmail                      webmail
 * filehosting                  file-sharing
 * vpn, doh, redirector         anonymiser    (VPNs, DNS-over-HTTPS, sites used to get round filtering)
 * hacking, ddos, stalkerware   hacking
 * malware, cryptojacking       malware
 * phishing                     phishing
 * educational_games, liste_bu  education
 * </pre>
 *
 * <p>Shalla-style lists (also bundled with e2guardian; nested names use {@code /}): {@code porn} adult,
 * {@code aggressive} hate, {@code violence} violence, {@code weapons} weapons, {@code drugs} drugs, {@code gamble}
 * gambling, {@code hobby/games-online} and {@code hobby/games-misc} games, {@code dating}, {@code socialnet}
 * social-networking, {@code radiotv}, {@code webradio}, {@code webtv} streaming, {@code anonvpn} anonymiser,
 * {@code spyware} malware, {@code hacking}, {@code webmail}, {@code shopping}, {@code education/schools} education.
 *
 * <p>Known directories that name no rule category are skipped without a report ({@link #isIgnored}), notably:
 * UT1 {@code child} is a list of sites <em>suitable for</em> children under 10, never child abuse;
 * {@code strict_redirector} and {@code strong_redirector} are {@code redirector} plus search-engine caches (Google,
 * Yahoo), which would mark every search as an anonymiser, and {@code redirector} is always beside them;
 * {@code remote-control} (TeamViewer, AnyDesk) is daily ICT support; {@code mixed_adult} (sites with some adult
 * sections), {@code sexual_education}, {@code lingerie}, {@code sect}, {@code warez} and {@code download} are not a
 * catalogue category. A school that wants one of them lists its domains in {@code categories.csv}. Any other name
 * is reported and skipped.
 */
public final class ListCategoryNames {

    private static final Map<String, CanonicalCategory> NAMES = new HashMap<>();

    /** Directory names of UT1 and Shalla lists that deliberately map to no category. */
    private static final Set<String> IGNORED = new HashSet<>();

    static {
        // UT1
        map(ADULT, "adult", "porn");
        map(HATE, "agressif", "aggressive");
        map(GAMBLING, "gambling", "arjel");
        map(STREAMING, "audio-video", "radio");
        map(SOCIAL_NETWORKING, "social_networks", "chat");
        map(MALWARE, "malware", "cryptojacking");
        map(WEAPONS, "dangerous_material");
        map(DATING, "dating");
        map(HACKING, "hacking", "ddos", "stalkerware");
        map(ANONYMISER, "vpn", "doh", "redirector");
        map(DRUGS, "drogue", "drugs");
        map(EDUCATION, "educational_games", "liste_bu");
        map(FILE_SHARING, "filehosting");
        map(GAMES, "games");
        map(PHISHING, "phishing");
        map(SHOPPING, "shopping");
        map(WEBMAIL, "webmail");
        ignore(
                "associations_religieuses",
                "astrology",
                "bank",
                "bitcoin",
                "blog",
                "celebrity",
                "child",
                "cleaning",
                "cooking",
                "dialer",
                "download",
                "examen_pix",
                "exceptions_liste_bu",
                "financial",
                "forums",
                "jobsearch",
                "lingerie",
                "manga",
                "marketingware",
                "mixed_adult",
                "mobile-phone",
                "press",
                "publicite",
                "reaffected",
                "remote-control",
                "sect",
                "sexual_education",
                "shortener",
                "special",
                "sports",
                "strict_redirector",
                "strong_redirector",
                "translation",
                "tricheur",
                "update",
                "warez");
        // Shalla-style lists, as bundled with e2guardian
        map(VIOLENCE, "violence");
        map(WEAPONS, "weapons");
        map(GAMBLING, "gamble");
        map(GAMES, "hobby/games-online", "hobby/games-misc");
        map(SOCIAL_NETWORKING, "socialnet");
        map(STREAMING, "radiotv", "webradio", "webtv");
        map(ANONYMISER, "anonvpn");
        map(MALWARE, "spyware");
        map(EDUCATION, "education/schools");
        ignore(
                "ads",
                "adv",
                "alcohol",
                "costtraps",
                "downloads",
                "dynamic",
                "fortunetelling",
                "forum",
                "government",
                "hobby/cooking",
                "hobby/gardening",
                "hobby/pets",
                "homestyle",
                "hospitals",
                "imagehosting",
                "isp",
                "library",
                "military",
                "models",
                "movies",
                "music",
                "news",
                "podcasts",
                "politics",
                "religion",
                "remotecontrol",
                "ringtones",
                "searchengines",
                "sex/education",
                "sex/lingerie",
                "tracker",
                "updatesites",
                "urlshortener",
                "webphone");
        // a few names people give their own directories
        map(TERRORISM, "terrorism", "ctiru");
        map(EXTREMISM, "extremism", "radicalisation", "radicalization");
        map(SELF_HARM, "self_harm", "selfharm", "suicide");
        map(ANONYMISER, "proxy", "proxies", "anonymizer", "anonymizers", "anonymisers");
        map(ADULT, "pornography");
    }

    private ListCategoryNames() {}

    private static void map(CanonicalCategory category, String... names) {
        for (String name : names) {
            NAMES.put(name, category);
        }
    }

    private static void ignore(String... names) {
        IGNORED.addAll(java.util.List.of(names));
    }

    /**
     * The canonical category of a block-list directory name (relative path with {@code /} for nested lists, case
     * ignored), or null when the name is ignored or unknown.
     */
    public static CanonicalCategory categoryOf(String directoryName) {
        String name = normalise(directoryName);
        CanonicalCategory canonical = CanonicalCategory.fromId(name);
        return canonical != null ? canonical : NAMES.get(name);
    }

    /** Whether the name is a known list that deliberately maps to no category (skipped without a report). */
    public static boolean isIgnored(String directoryName) {
        return IGNORED.contains(normalise(directoryName));
    }

    private static String normalise(String name) {
        return name == null ? "" : name.trim().replace('\\', '/').toLowerCase(Locale.ROOT);
    }
}
