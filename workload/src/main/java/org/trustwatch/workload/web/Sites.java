package org.trustwatch.workload.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web the generated trust browses, and the category list (categories.csv) that goes with it. Background
 * browsing uses the work, lesson, personal and asset sites; the sites of the rule categories (adult, anonymisers,
 * self-harm ...) are visited only by planted incidents and their near misses.
 */
public final class Sites {

    private Sites() {}

    // ------------------------------------------------------------------ lessons and work
    public static final Site BBC =
            Site.of("www.bbc.co.uk", "bbc.co.uk", "education", "News/Media", "/news", "/news/education", "/weather");
    public static final Site BITESIZE =
            Site.of("www.bbc.co.uk", "bbc.co.uk", "education", "Education", "/bitesize/subjects", "/bitesize/guides");
    public static final Site OAK = Site.of(
            "classroom.thenational.academy", "thenational.academy", "education", "Education", "/lessons", "/units");
    public static final Site WIKIPEDIA = Site.of(
            "en.wikipedia.org",
            "wikipedia.org",
            "education",
            "Reference",
            "/wiki/Tudor_period",
            "/wiki/Photosynthesis",
            "/wiki/World_War_I",
            "/wiki/Pythagorean_theorem");
    public static final Site GOV = Site.of(
            "www.gov.uk", "gov.uk", "education", "Government/Legal", "/guidance", "/government/organisations/ofsted");
    public static final Site MATHS =
            Site.of("www.mathsisfun.com", "mathsisfun.com", "education", "Education", "/algebra", "/geometry");
    public static final Site SENECA = Site.of(
            "app.senecalearning.com", "senecalearning.com", "education", "Education", "/dashboard", "/classroom");
    public static final Site KHAN =
            Site.of("www.khanacademy.org", "khanacademy.org", "education", "Education", "/math", "/science");
    public static final Site TWINKL =
            Site.of("www.twinkl.co.uk", "twinkl.co.uk", "education", "Education", "/resources", "/search");
    public static final Site TES =
            Site.of("www.tes.com", "tes.com", "education", "Education", "/teaching-resources", "/jobs");
    public static final Site QUIZLET =
            Site.of("quizlet.com", "quizlet.com", "education", "Education", "/latest", "/create-set");
    public static final Site SAMARITANS =
            Site.of("www.samaritans.org", "samaritans.org", "education", "Health", "/how-we-can-help");
    public static final Site GOOGLE =
            Site.of("www.google.com", "google.com", "uncategorised", "Search Engines/Portals", "/search");
    public static final Site OFFICE = Site.of(
            "www.office.com",
            "office.com",
            "uncategorised",
            "Technology/Internet",
            "/launch/word",
            "/launch/powerpoint");
    public static final Site LOGIN = Site.of(
            "login.microsoftonline.com",
            "microsoftonline.com",
            "uncategorised",
            "Technology/Internet",
            "/common/oauth2");
    public static final Site OUTLOOK =
            Site.of("outlook.office365.com", "office365.com", "uncategorised", "Web Email", "/mail", "/calendar");
    public static final Site TEAMS =
            Site.of("teams.microsoft.com", "microsoft.com", "uncategorised", "Technology/Internet", "/_");
    /** Staff's OneDrive: not in the category list, so an upload there counts for C17 (not for C12). */
    public static final Site ONEDRIVE = Site.of(
            "trust-my.sharepoint.com",
            null,
            null,
            "Technology/Internet",
            "/personal/_api/web/GetFolderByServerRelativeUrl/Files/add");

    public static final Site GUARDIAN =
            Site.of("www.theguardian.com", null, null, "News/Media", "/education", "/uk-news", "/politics");
    public static final Site ARBOR =
            Site.of("login.arbor.sc", "arbor.sc", "education", "Education", "/dashboard", "/students/attendance");

    // ------------------------------------------------------------------ personal use (staff, in breaks)
    public static final Site YOUTUBE =
            Site.of("www.youtube.com", "youtube.com", "streaming", "Audio/Video Clips", "/watch", "/results");
    public static final Site FACEBOOK =
            Site.of("www.facebook.com", "facebook.com", "social-networking", "Social Networking", "/", "/marketplace");
    public static final Site INSTAGRAM =
            Site.of("www.instagram.com", "instagram.com", "social-networking", "Social Networking", "/", "/explore");
    public static final Site AMAZON =
            Site.of("www.amazon.co.uk", "amazon.co.uk", "shopping", "Shopping", "/gp/cart", "/s");
    public static final Site EBAY =
            Site.of("www.ebay.co.uk", "ebay.co.uk", "shopping", "Shopping", "/sch/i.html", "/itm");

    // ------------------------------------------------------------------ the rules' categories (planted only)
    public static final Site ADULT = Site.of("www.pornhub.com", "pornhub.com", "adult", "Pornography", "/", "/video");
    public static final Site ADULT_2 = Site.of("www.xvideos.com", "xvideos.com", "adult", "Pornography", "/");
    public static final Site TERRORISM =
            Site.of("terror-manuals.example", "terror-manuals.example", "terrorism", "Terrorism", "/download");
    public static final Site SELF_HARM =
            Site.of("selfharm-forum.example", "selfharm-forum.example", "self-harm", "Self Harm", "/threads");
    public static final Site EXTREMISM = Site.of(
            "extreme-forum.example", "extreme-forum.example", "extremism", "Extremism", "/threads", "/manifesto");
    public static final Site GAMES =
            Site.of("www.miniclip.com", "miniclip.com", "games", "Games", "/games", "/games/8-ball-pool");
    public static final Site ROBLOX = Site.of("www.roblox.com", "roblox.com", "games", "Games", "/home", "/games");
    public static final Site GAMBLING =
            Site.of("www.bet365.com", "bet365.com", "gambling", "Gambling", "/en/sports", "/en/in-play");
    public static final Site ANONYMISER =
            Site.of("www.croxyproxy.com", "croxyproxy.com", "anonymiser", "Proxy Avoidance", "/");
    public static final Site ANONYMISER_2 =
            Site.of("hidemy.name", "hidemy.name", "anonymiser", "Proxy Avoidance", "/en/proxy-list/");
    public static final Site TOR =
            Site.of("www.torproject.org", "torproject.org", "anonymiser", "Proxy Avoidance", "/download/");
    public static final Site WETRANSFER =
            Site.of("wetransfer.com", "wetransfer.com", "file-sharing", "Online Storage", "/api/v4/transfers");
    public static final Site DROPBOX =
            Site.of("www.dropbox.com", "dropbox.com", "file-sharing", "Online Storage", "/upload", "/home");
    public static final Site MALWARE_SITE = Site.of(
            "cracked-games.example",
            "cracked-games.example",
            "malware",
            "Malicious Sources/Malnets",
            "/download/free-game-setup.exe");
    public static final Site ZOOM = Site.of(
            "zoom.us", "zoom.us", "uncategorised", "Technology/Internet", "/client/latest/ZoomInstallerFull.exe");
    public static final Site PHOTO_UPLOAD =
            Site.of("upload.photobox-share.example", null, null, "Uncategorized", "/api/upload");

    /** What a page pulls in: fonts, scripts, images and analytics from hosts no category list names. */
    public static final List<Site> ASSETS = List.of(
            asset("fonts.gstatic.com", "font/woff2", "/s/roboto/v30/KFOmCnqEu92Fr1Mu4mxK.woff2"),
            asset("ajax.googleapis.com", "application/javascript", "/ajax/libs/jquery/3.7.1/jquery.min.js"),
            asset("cdn.jsdelivr.net", "application/javascript", "/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js"),
            asset("static.cloudflareinsights.com", "application/javascript", "/beacon.min.js"),
            asset("www.googletagmanager.com", "application/javascript", "/gtag/js"),
            asset("res.cdn.office.net", "application/javascript", "/officeonline/we/s/h5B6D1A2C_app_scripts.js"),
            asset("ichef.bbci.co.uk", "image/jpeg", "/news/976/cpsprodpb/1a2b/live/photo.jpg"),
            asset("upload.wikimedia.org", "image/png", "/wikipedia/commons/thumb/a/a9/Example.png"),
            asset("i.ytimg.com", "image/jpeg", "/vi/dQw4w9WgXcQ/hqdefault.jpg"));

    /** Work sites staff open at their laptops, with how often (weights). */
    public static final List<Site> STAFF_WORK = List.of(
            OUTLOOK, OUTLOOK, OFFICE, OFFICE, LOGIN, TEAMS, ARBOR, ARBOR, GOOGLE, GOOGLE, BBC, GUARDIAN, TES, TWINKL,
            OAK, BITESIZE, GOV, WIKIPEDIA);

    /** What pupils open in a lesson in the IT suite. */
    public static final List<Site> LESSON = List.of(
            BITESIZE,
            BITESIZE,
            OAK,
            OAK,
            WIKIPEDIA,
            WIKIPEDIA,
            GOOGLE,
            GOOGLE,
            GOOGLE,
            MATHS,
            SENECA,
            KHAN,
            QUIZLET,
            OFFICE,
            LOGIN,
            YOUTUBE,
            SAMARITANS);

    /** What staff browse for themselves in breaks (catalogue C15 counts these). */
    public static final List<Site> PERSONAL = List.of(FACEBOOK, FACEBOOK, INSTAGRAM, YOUTUBE, AMAZON, EBAY);

    private static Site asset(String host, String mime, String path) {
        return Site.create(host, null, null, "Content Delivery Networks", new String[] {path}, mime, 300, 60_000);
    }

    /** categories.csv: every listed domain of every site, once, in a stable order. */
    public static Map<String, String> categoryList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (Site site : all()) {
            if (site.listed() != null) {
                list.putIfAbsent(site.listed(), site.category());
            }
        }
        list.putIfAbsent("outlook.live.com", "webmail");
        list.putIfAbsent("mail.google.com", "webmail");
        list.putIfAbsent("mega.nz", "file-sharing");
        list.putIfAbsent("tinder.com", "dating");
        list.putIfAbsent("kali.org", "hacking");
        list.putIfAbsent("free-robux-now.example", "phishing");
        list.putIfAbsent("liveleak-style.example", "violence");
        return list;
    }

    /** Every site whose domain the category list names. */
    private static List<Site> all() {
        return List.of(
                BBC,
                OAK,
                WIKIPEDIA,
                GOV,
                MATHS,
                SENECA,
                KHAN,
                TWINKL,
                TES,
                QUIZLET,
                SAMARITANS,
                GOOGLE,
                OFFICE,
                LOGIN,
                OUTLOOK,
                TEAMS,
                ARBOR,
                YOUTUBE,
                FACEBOOK,
                INSTAGRAM,
                AMAZON,
                EBAY,
                ADULT,
                ADULT_2,
                TERRORISM,
                SELF_HARM,
                EXTREMISM,
                GAMES,
                ROBLOX,
                GAMBLING,
                ANONYMISER,
                ANONYMISER_2,
                TOR,
                WETRANSFER,
                DROPBOX,
                MALWARE_SITE,
                ZOOM);
    }
}
