package org.trustwatch.ingest.category;

import static org.trustwatch.ingest.category.CanonicalCategory.ADULT;
import static org.trustwatch.ingest.category.CanonicalCategory.ANONYMISER;
import static org.trustwatch.ingest.category.CanonicalCategory.CHILD_ABUSE;
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
import static org.trustwatch.ingest.category.CanonicalCategory.UNCATEGORISED;
import static org.trustwatch.ingest.category.CanonicalCategory.VIOLENCE;
import static org.trustwatch.ingest.category.CanonicalCategory.WEAPONS;
import static org.trustwatch.ingest.category.CanonicalCategory.WEBMAIL;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Category names that web filters write in their logs, mapped onto the canonical categories. Case and surrounding
 * blanks are ignored. A name is looked up in this order: a canonical name itself; the table below; a block-list
 * directory name ({@link ListCategoryNames}: e2guardian logs the {@code #listcategory} of its lists, which is often
 * the UT1 or Shalla directory name). Anything else is unknown: the caller falls back to the domain list.
 *
 * <p>Blue Coat / Symantec WebFilter (ProxySG {@code cs-categories}):
 *
 * <pre>
 * Child Pornography                                   child-abuse
 * Pornography, Adult/Mature Content, Nudity           adult
 * Violence/Hate/Racism, Violence/Intolerance,
 *   Intolerance, Racism, Hate                         hate
 * Extreme, Violence, Gore, Gruesome Content           violence  (Blue Coat "Extreme" is gore, torture and
 *                                                               mutilation, not political extremism)
 * Weapons                                             weapons
 * Drugs, Illegal Drugs, Marijuana                    drugs
 * Gambling                                            gambling
 * Games, Gaming                                       games
 * Personals/Dating, Personals, Dating                 dating
 * Social Networking, Personal Sites and Blogs,
 *   Personal Sites, Blogs/Personal Pages,
 *   Chat/Instant Messaging, Chat                      social-networking
 * Media Sharing, Audio/Video Clips, Streaming Media,
 *   Internet Radio/TV, Radio/Audio Streams,
 *   TV/Video Streams                                  streaming
 * Shopping, Auctions                                  shopping
 * Web Email, Email                                    webmail
 * Online Storage, File Storage/Sharing,
 *   Peer-to-Peer (P2P)                                file-sharing
 * Proxy Avoidance, Anonymizers                        anonymiser
 * Hacking                                             hacking
 * Malicious Sources/Malnets, Malicious Sources,
 *   Malicious Outbound Data/Botnets,
 *   Spyware/Malware Sources, Spyware Effects/Privacy
 *   Concerns, Compromised Sites                       malware
 * Phishing                                            phishing
 * Education, Educational Institutions                 education
 * none, Uncategorized, Unrated, Unavailable           uncategorised (the filter knows nothing: a domain
 *                                                               list entry is preferred)
 * </pre>
 *
 * <p>e2guardian phrase-list categories: Pornography, Nudism (adult), Intolerance (hate), Gore, Violence (violence),
 * Weapons, Illegal drugs (drugs), Gambling, Games, Personals (dating), Chat (social-networking), Peer2Peer
 * (file-sharing), Proxies (anonymiser), Webmail. UK filters' statutory lists: IWF / Child Abuse (child-abuse),
 * CTIRU / Terrorism (terrorism), Extremism / Radicalisation (extremism), Self Harm / Suicide (self-harm).
 */
public final class FilterCategoryNames {

    private static final Map<String, CanonicalCategory> NAMES = new HashMap<>();

    static {
        map(CHILD_ABUSE, "child pornography", "child abuse", "child sexual abuse", "child abuse images", "iwf");
        map(TERRORISM, "ctiru", "terrorism", "terrorist");
        map(EXTREMISM, "extremism", "violent extremism", "radicalisation", "radicalization");
        map(SELF_HARM, "self harm", "self-harm", "suicide", "self harm/suicide");
        map(ADULT, "pornography", "adult/mature content", "adult content", "nudity", "nudism", "adult sites");
        map(HATE, "violence/hate/racism", "violence/intolerance", "intolerance", "racism", "hate", "hate speech");
        map(VIOLENCE, "extreme", "violence", "gore", "gruesome content");
        map(WEAPONS, "weapons");
        map(DRUGS, "drugs", "illegal drugs", "marijuana", "drug abuse");
        map(GAMBLING, "gambling");
        map(GAMES, "games", "gaming", "online games");
        map(DATING, "personals/dating", "personals", "dating");
        map(
                SOCIAL_NETWORKING,
                "social networking",
                "social networks",
                "personal sites and blogs",
                "personal sites",
                "blogs/personal pages",
                "chat/instant messaging",
                "chat");
        map(
                STREAMING,
                "media sharing",
                "audio/video clips",
                "streaming media",
                "internet radio/tv",
                "radio/audio streams",
                "tv/video streams",
                "streaming");
        map(SHOPPING, "shopping", "auctions");
        map(WEBMAIL, "web email", "email", "webmail");
        map(FILE_SHARING, "online storage", "file storage/sharing", "peer-to-peer (p2p)", "peer2peer", "file sharing");
        map(ANONYMISER, "proxy avoidance", "anonymizers", "anonymizer", "proxies", "anonymisers");
        map(HACKING, "hacking");
        map(
                MALWARE,
                "malicious sources/malnets",
                "malicious sources",
                "malicious outbound data/botnets",
                "spyware/malware sources",
                "spyware effects/privacy concerns",
                "compromised sites",
                "malware");
        map(PHISHING, "phishing");
        map(EDUCATION, "education", "educational institutions");
        map(UNCATEGORISED, "none", "uncategorized", "unrated", "unavailable", "unknown");
    }

    private FilterCategoryNames() {}

    private static void map(CanonicalCategory category, String... names) {
        for (String name : names) {
            NAMES.put(name, category);
        }
    }

    /** The canonical category of one filter category name, or null when it is unknown. */
    public static CanonicalCategory categoryOf(String name) {
        if (name == null) {
            return null;
        }
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return null;
        }
        CanonicalCategory category = CanonicalCategory.fromId(key);
        if (category == null) {
            category = NAMES.get(key);
        }
        if (category == null) {
            category = ListCategoryNames.categoryOf(key);
        }
        return category;
    }

    /**
     * The most serious canonical category among the names in {@code value}, separated by any of
     * {@code separators} (e.g. {@code "Adult/Mature Content;Pornography"} with {@code ";"}); null when none is
     * known. {@link CanonicalCategory#UNCATEGORISED} means the filter said it knows nothing.
     */
    public static CanonicalCategory mostSerious(String value, String separators) {
        if (value == null) {
            return null;
        }
        CanonicalCategory best = null;
        int start = 0;
        int length = value.length();
        for (int i = 0; i <= length; i++) {
            if (i == length || separators.indexOf(value.charAt(i)) >= 0) {
                if (i > start) {
                    best = CanonicalCategory.moreSerious(best, categoryOf(value.substring(start, i)));
                }
                start = i + 1;
            }
        }
        return best;
    }
}
