package org.trustwatch.ingest.category;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The canonical web categories the rules use (reference-data.md, "web categories"): the one place that lists them.
 * Every filter category name and every block-list directory name is mapped onto one of these.
 *
 * <p>When a request or a domain has several categories (a filter that writes {@code "Education;Violence"}, or a domain
 * in two block-list directories), the most serious one is kept: {@link #seriousness()} orders them so that a
 * safeguarding signal (child abuse, terrorism, self-harm, extremism ...) is never hidden behind a harmless one. The
 * order of the constants is the order of reference-data.md.
 */
public enum CanonicalCategory {
    CHILD_ABUSE("child-abuse", 0),
    TERRORISM("terrorism", 1),
    EXTREMISM("extremism", 3),
    ADULT("adult", 7),
    HATE("hate", 4),
    VIOLENCE("violence", 5),
    SELF_HARM("self-harm", 2),
    WEAPONS("weapons", 6),
    DRUGS("drugs", 8),
    GAMBLING("gambling", 13),
    GAMES("games", 15),
    DATING("dating", 14),
    SOCIAL_NETWORKING("social-networking", 18),
    STREAMING("streaming", 19),
    SHOPPING("shopping", 20),
    WEBMAIL("webmail", 17),
    FILE_SHARING("file-sharing", 16),
    ANONYMISER("anonymiser", 12),
    HACKING("hacking", 11),
    MALWARE("malware", 9),
    PHISHING("phishing", 10),
    EDUCATION("education", 21),
    UNCATEGORISED("uncategorised", 22);

    private static final Map<String, CanonicalCategory> BY_ID = new HashMap<>();
    private static final List<String> IDS;

    static {
        List<String> ids = new ArrayList<>();
        for (CanonicalCategory category : values()) {
            BY_ID.put(category.id, category);
            ids.add(category.id);
        }
        IDS = Collections.unmodifiableList(ids);
    }

    private final String id;
    private final int seriousness;

    CanonicalCategory(String id, int seriousness) {
        this.id = id;
        this.seriousness = seriousness;
    }

    /** The name written in events, settings and lists, e.g. {@code file-sharing}. */
    public String id() {
        return id;
    }

    /** 0 for the most serious category; a lower number wins when a request has several categories. */
    public int seriousness() {
        return seriousness;
    }

    /** The category with this canonical name (case and surrounding blanks ignored), or null. */
    public static CanonicalCategory fromId(String id) {
        if (id == null) {
            return null;
        }
        CanonicalCategory exact = BY_ID.get(id);
        return exact != null ? exact : BY_ID.get(id.trim().toLowerCase(Locale.ROOT));
    }

    /** Every canonical name, in the order of reference-data.md. */
    public static List<String> ids() {
        return IDS;
    }

    /** The more serious of two categories; either may be null. */
    public static CanonicalCategory moreSerious(CanonicalCategory a, CanonicalCategory b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return b.seriousness < a.seriousness ? b : a;
    }
}
