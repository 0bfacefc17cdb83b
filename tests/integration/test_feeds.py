#!/usr/bin/python3
"""The feeds of a real server, read by an independent client: Debian's
python3-feedparser must parse RSS 2.0 and Atom of the site, of a section,
a tag, an author and another language without its error flag, and the
entries must be the site's articles (titles, links, stable ids, dates,
authors, categories, summary, full content, image). feedparser 6.0 has no
JSON Feed reader, so JSON Feed 1.1 is read with the json module and held
to the same entries and to the rules of its specification. The shape of
RSS and Atom is compared with the valid samples in
../shared/testdata/feeds. Prints TAP."""

import os
import sys

# Debian's modules only: re-run with Debian's Python when another one, which
# lacks python3-feedparser, started this script.
try:
    import feedparser
except ImportError:
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("1..1\nnot ok 1 - python3-feedparser is not installed")
    sys.exit(1)

import calendar
import glob
import json
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import traceback
import urllib.error
import urllib.request

ROOT = os.environ.get("GZ_ROOT") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("GZ_BIN") or os.path.join(ROOT, "build", "gazette")
BASE = "http://127.0.0.1:8080"  # the base URL setting's default
SAMPLES = os.path.join(ROOT, "..", "shared", "testdata", "feeds")
CDATA_MARK = "<p>Where a CDATA section would end: ]]> and again ]]]]>></p>"
ODD_TITLE = "Tom & Jerry <b>fight</b> “quotes” ]]> 'apostrophes'"

results = []


def test(fn):
    results.append(fn)
    return fn


class Server:
    def __init__(self, site):
        self.proc = subprocess.Popen(
            [BIN, "serve", site, "--listen", "127.0.0.1:0", "--access-log", "off"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        m = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        if not m:
            self.proc.kill()
            raise RuntimeError("the server did not start: %r" % line)
        self.base = "http://127.0.0.1:%s" % m.group(1)

    def get(self, path, headers=None):
        req = urllib.request.Request(self.base + path, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def make_site():
    site = tempfile.mkdtemp(prefix="gazette-feeds-")
    out = subprocess.run([BIN, "init", site, "--demo"], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError("gazette init failed: " + out.stderr)
    db = sqlite3.connect(os.path.join(site, "gazette.db"))
    # A body with CDATA's end marker, a title with every XML special character,
    # and a second language. Plain columns only: the search index is not
    # touched here.
    first = db.execute("SELECT id FROM articles WHERE status = 'published' AND kind = 'news' "
                       "AND lang = 'en' ORDER BY published_at DESC, id DESC LIMIT 1").fetchone()[0]
    db.execute("UPDATE articles SET body_html = body_html || ?, title = ? WHERE id = ?",
               (CDATA_MARK, ODD_TITLE, first))
    db.execute("INSERT INTO languages (code, name, locale, position, is_default) "
               "VALUES ('fa', 'فارسی', 'fa', 1, 0)")
    now = int(time.time())
    db.execute("INSERT INTO articles (kind, status, lang, slug, title, excerpt, summary, body_md, "
               "body_html, published_at, created_at, updated_at, section_id) VALUES ('news', "
               "'published', 'fa', 'بودجه-شهر', 'بودجه شهر', 'خلاصه', 'خلاصه', 'متن', "
               "'<p>متن</p>', ?, ?, ?, (SELECT id FROM sections WHERE path = 'news'))",
               (now - 60, now - 60, now - 60))
    db.commit()
    db.close()
    return site


def db_articles(db, where, args=()):
    rows = db.execute(
        "SELECT a.id, a.slug, a.title, a.summary, a.published_at, a.updated_at, a.created_at, "
        "a.body_html, a.lang, s.name, m.renditions FROM articles a "
        "LEFT JOIN sections s ON s.id = a.section_id LEFT JOIN media m ON m.id = "
        "a.featured_media_id WHERE a.status = 'published' AND a.kind != 'page' AND "
        "a.deleted_at IS NULL AND " + where +
        " ORDER BY a.published_at DESC, a.id DESC LIMIT 20", args).fetchall()
    out = []
    for (aid, slug, title, summary, pub, upd, created, body, lang, section, rend) in rows:
        authors = [r[0] for r in db.execute(
            "SELECT au.name FROM article_authors x JOIN authors au ON au.id = x.author_id "
            "WHERE x.article_id = ? ORDER BY x.position", (aid,))]
        tags = [r[0] for r in db.execute(
            "SELECT t.name FROM article_tags x JOIN tags t ON t.id = x.tag_id "
            "WHERE x.article_id = ?", (aid,))]
        prefix = "" if lang == "en" else "/" + lang
        month = time.strftime("/%Y/%m/", time.gmtime(pub))
        image = None
        if rend:
            jpegs = [r.split(":") for r in rend.split(";") if ":jpeg:" in r]
            image = max(jpegs, key=lambda r: int(r[0]))[3]
        out.append(dict(id=aid, title=title, summary=summary, published=pub,
                        updated=max(upd, pub), created=created, body=body, section=section,
                        authors=authors, tags=tags, image=image,
                        link=BASE + prefix + urllib.request.quote(month + slug + "/")))
    return out


def tag_id(article):
    day = time.strftime("%Y-%m-%d", time.gmtime(article["created"]))
    return "tag:127.0.0.1,%s:article:%d" % (day, article["id"])


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def parsed(body, content_type):
    d = feedparser.parse(body, response_headers={"content-type": content_type})
    check(not d.bozo, "bozo: %r" % d.get("bozo_exception"))
    return d


def compare_entries(d, expected):
    check(len(d.entries) == len(expected),
          "%d entries, %d articles" % (len(d.entries), len(expected)))
    for e, a in zip(d.entries, expected):
        check(e.title == a["title"], "title %r != %r" % (e.title, a["title"]))
        check(e.link == a["link"], "link %r != %r" % (e.link, a["link"]))
        check(e.id == tag_id(a), "id %r" % e.id)
        check(tuple(e.published_parsed)[:6] == time.gmtime(a["published"])[:6],
              "published %r" % e.get("published"))
        check(tuple(e.updated_parsed)[:6] == time.gmtime(a["updated"])[:6],
              "updated %r" % e.get("updated"))
        names = [x.get("name") for x in e.get("authors", [])]
        if a["authors"]:
            check(names == a["authors"], "authors %r != %r" % (names, a["authors"]))
        terms = {t.term for t in e.get("tags", [])}
        check(set(a["tags"]) <= terms, "tags %r missing from %r" % (a["tags"], terms))
        if a["section"]:
            check(a["section"] in terms, "section %r not in %r" % (a["section"], terms))
        check(e.summary == a["summary"], "summary %r" % e.summary)
        content = e.content[0].value if "content" in e else ""
        # Full content, links made absolute: no address left relative.
        check(len(content) > 0.5 * len(a["body"]), "content too short")
        check('href="/' not in content and 'src="/' not in content, "relative link left")
        if CDATA_MARK in a["body"]:
            check("Where a CDATA section would end: ]]&gt; and again ]]]]&gt;&gt;" in content or
                  "Where a CDATA section would end: ]]> and again ]]]]>>" in content,
                  "CDATA marker mangled: %r" % content[-200:])
        if a["image"]:
            media = [l for l in e.get("links", []) if l.get("rel") == "enclosure"]
            check(media and media[0]["href"] == BASE + "/media/" + a["image"],
                  "enclosure %r" % media)
            check(media[0]["type"] == "image/jpeg", "enclosure type")
            size = os.path.getsize(os.path.join(SITE, "media", a["image"]))
            check(int(media[0]["length"]) == size, "enclosure length")


FEEDS = [("feed.xml", "application/rss+xml; charset=utf-8", "rss20"),
         ("atom.xml", "application/atom+xml; charset=utf-8", "atom10")]
JSON_FEED = ("feed.json", "application/feed+json; charset=utf-8")

RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$")


def rfc3339_seconds(s):
    check(RFC3339.match(s), "not RFC 3339: %r" % s)
    t = calendar.timegm(time.strptime(s[:19], "%Y-%m-%dT%H:%M:%S"))
    if s[19] != "Z":
        sign = 1 if s[19] == "+" else -1
        t -= sign * (int(s[20:22]) * 3600 + int(s[23:25]) * 60)
    return t


def json_feed(path):
    """A JSON Feed 1.1 held to its specification: the parts it requires,
    their types, and RFC 3339 dates."""
    status, headers, body = SERVER.get(path)
    check(status == 200, "%s: %d" % (path, status))
    check(headers.get("Content-Type") == JSON_FEED[1], "content type %r" % headers.get(
        "Content-Type"))
    j = json.loads(body.decode("utf-8"))
    check(j.get("version") == "https://jsonfeed.org/version/1.1", "version")
    check(isinstance(j.get("title"), str) and j["title"], "title")
    check(j.get("feed_url") == BASE + path, "feed_url %r" % j.get("feed_url"))
    check(isinstance(j.get("items"), list), "items")
    for a in j.get("authors", []):
        check(isinstance(a.get("name"), str), "feed author name")
    for item in j["items"]:
        check(isinstance(item.get("id"), str) and item["id"], "item id is a string")
        check("content_html" in item or "content_text" in item, "item content")
        for key in ("date_published", "date_modified"):
            if key in item:
                rfc3339_seconds(item[key])
        for a in item.get("authors", []):
            check(isinstance(a.get("name"), str), "item author name")
        check(all(isinstance(t, str) for t in item.get("tags", [])), "tags are strings")
        for att in item.get("attachments", []):
            check(att.get("url") and att.get("mime_type"), "attachment url and type")
    return j


def compare_json(j, expected):
    items = j["items"]
    check(len(items) == len(expected), "%d items, %d articles" % (len(items), len(expected)))
    for it, a in zip(items, expected):
        check(it["title"] == a["title"], "title %r" % it["title"])
        check(it["url"] == a["link"], "url %r" % it["url"])
        check(it["id"] == tag_id(a), "id %r" % it["id"])
        check(rfc3339_seconds(it["date_published"]) == a["published"], "date_published")
        check(rfc3339_seconds(it["date_modified"]) == a["updated"], "date_modified")
        check([x["name"] for x in it.get("authors", [])] == a["authors"], "authors")
        check(set(a["tags"]) <= set(it.get("tags", [])), "tags")
        check(it["summary"] == a["summary"], "summary")
        check('href="/' not in it["content_html"], "relative link left")
        if CDATA_MARK in a["body"]:
            check(CDATA_MARK in it["content_html"], "content exact")
        if a["image"]:
            check(it.get("image") == BASE + "/media/" + a["image"], "image %r" % it.get("image"))
            att = it["attachments"][0]
            check(att["mime_type"] == "image/jpeg", "attachment type")
            size = os.path.getsize(os.path.join(SITE, "media", a["image"]))
            check(att.get("size_in_bytes") == size, "attachment size")


@test
def site_feeds_parse_without_error_and_match_the_articles():
    expected = db_articles(DB, "a.lang = 'en'")
    check(len(expected) == 20, "the demo has twenty articles or more")
    check(any(CDATA_MARK in a["body"] for a in expected), "the odd article is in the feed")
    for name, ctype, version in FEEDS:
        status, headers, body = SERVER.get("/" + name)
        check(status == 200, "%s: %d" % (name, status))
        check(headers.get("Content-Type") == ctype, "%s: %s" % (name, headers.get("Content-Type")))
        d = parsed(body, ctype)
        check(d.version == version, "%s is %s" % (name, d.version))
        check(d.feed.title == "The Northgate Courier", "feed title")
        check(d.feed.link == BASE + "/", "feed link %r" % d.feed.get("link"))
        check(d.feed.get("language", "en").startswith("en"), "language")
        compare_entries(d, expected)
    compare_json(json_feed("/feed.json"), expected)


@test
def every_character_survives_escaping_and_cdata():
    status, _, body = SERVER.get("/feed.xml")
    text = body.decode("utf-8")
    check("<![CDATA[" in text, "content is CDATA")
    check("]]]]><![CDATA[>" in text, "the end marker is split")
    check("<title>Tom &amp; Jerry &lt;b&gt;fight&lt;/b&gt; “quotes” ]]&gt; &apos;apostrophes&apos;"
          "</title>" in text, "title escaped")
    for name, ctype, _ in FEEDS:
        d = parsed(SERVER.get("/" + name)[2], ctype)
        check(any(e.title == ODD_TITLE for e in d.entries), "%s: odd title round trip" % name)
        odd = [e for e in d.entries if e.title == ODD_TITLE][0]
        check("Where a CDATA section would end" in odd.content[0].value, "%s content" % name)
    j = json_feed("/feed.json")
    odd = [i for i in j["items"] if i["title"] == ODD_TITLE][0]
    check(CDATA_MARK in odd["content_html"], "JSON content exact")
    for item in j["items"]:
        for key in ("id", "url", "title", "summary", "content_html", "date_published",
                    "date_modified", "language"):
            check(key in item, "JSON item without %s" % key)


@test
def section_tag_and_author_feeds_hold_their_lists():
    news = DB.execute("SELECT id FROM sections WHERE path = 'news'").fetchone()[0]
    subtree = [r[0] for r in DB.execute(
        "SELECT id FROM sections WHERE id = ? OR parent_id = ?", (news, news))]
    marks = ",".join("?" * len(subtree))
    tag, tag_name = DB.execute(
        "SELECT t.slug, t.name FROM tags t JOIN article_tags x ON x.tag_id = t.id GROUP BY t.id "
        "ORDER BY count(*) DESC LIMIT 1").fetchone()
    author, author_id = DB.execute(
        "SELECT au.slug, au.id FROM authors au JOIN article_authors x ON x.author_id = au.id "
        "WHERE au.kind = 'organization' GROUP BY au.id LIMIT 1").fetchone()
    cases = [
        ("/news/", db_articles(DB, "a.lang = 'en' AND a.section_id IN (%s)" % marks, subtree)),
        ("/tag/%s/" % tag, db_articles(DB, "a.lang = 'en' AND a.id IN (SELECT article_id FROM "
                                           "article_tags x JOIN tags t ON t.id = x.tag_id "
                                           "WHERE t.slug = ?)", (tag,))),
        ("/author/%s/" % author, db_articles(DB, "a.lang = 'en' AND a.id IN (SELECT article_id "
                                                 "FROM article_authors WHERE author_id = ?)",
                                             (author_id,))),
    ]
    for base, expected in cases:
        check(len(expected) > 0, "%s has articles" % base)
        for name, ctype, _ in FEEDS:
            status, headers, body = SERVER.get(base + name)
            check(status == 200, "%s%s: %d" % (base, name, status))
            check(headers.get("Content-Type") == ctype, "content type")
            d = parsed(body, ctype)
            check(d.feed.link == BASE + base, "%s link %r" % (base, d.feed.get("link")))
            compare_entries(d, expected)
        compare_json(json_feed(base + "feed.json"), expected)
    # An organization signs; feeds name it as they name people.
    d = parsed(SERVER.get("/author/%s/atom.xml" % author)[2], "application/atom+xml")
    check(all(e.authors for e in d.entries), "organization as author")
    # No such list: no feed.
    for path in ("/tag/no-such-tag/feed.xml", "/no-section/atom.xml", "/author/x/feed.json",
                 "/fa/no-section/feed.xml"):
        check(SERVER.get(path)[0] == 404, "%s is 404" % path)
    check(tag_name, "tag name")


@test
def other_languages_have_their_own_feeds():
    expected = db_articles(DB, "a.lang = 'fa'")
    check(len(expected) == 1, "one Persian article")
    for name, ctype, _ in FEEDS:
        status, headers, body = SERVER.get("/fa/" + name)
        check(status == 200, "/fa/%s: %d" % (name, status))
        d = parsed(body, ctype)
        check(d.feed.link == BASE + "/fa/", "feed link %r" % d.feed.get("link"))
        check(d.feed.get("language", "fa").startswith("fa"), "language %r" % d.feed.get("language"))
        compare_entries(d, expected)
    j = json_feed("/fa/feed.json")
    check(j.get("language") == "fa", "JSON Feed language")
    compare_json(j, expected)


@test
def feeds_answer_conditional_requests_with_304():
    for name in [f[0] for f in FEEDS] + ["feed.json", "news/feed.xml", "tag/harbour/atom.xml"]:
        status, headers, body = SERVER.get("/" + name)
        etag = headers.get("ETag")
        check(status == 200 and etag, "%s has an ETag" % name)
        check(headers.get("Cache-Control") == "public, no-cache", "cache control")
        status, headers, body = SERVER.get("/" + name, {"If-None-Match": etag})
        check(status == 304 and body == b"", "%s: %d on If-None-Match" % (name, status))
        status, _, _ = SERVER.get("/" + name, {"If-None-Match": '"other"'})
        check(status == 200, "a stale ETag gets the feed")


@test
def feeds_have_the_shape_of_valid_samples():
    # Every part a valid sample of the same format has, ours has too.
    core_feed = {"title", "link", "links", "subtitle", "updated", "language", "generator", "id",
                 "rights"}
    core_entry = {"title", "link", "links", "id", "summary", "published", "updated", "content",
                  "authors", "author"}
    samples = sorted(glob.glob(os.path.join(SAMPLES, "*.xml")))
    check(len(samples) >= 4, "samples found in %s" % SAMPLES)
    ours = {v: parsed(SERVER.get("/" + n)[2], c) for n, c, v in FEEDS}
    for path in samples:
        d = feedparser.parse(open(path, "rb").read())
        check(not d.bozo, "%s parses" % path)
        mine = ours[d.version]
        missing = (core_feed & set(d.feed.keys())) - set(mine.feed.keys())
        check(not missing, "%s: feed lacks %s" % (os.path.basename(path), missing))
        for e in d.entries:
            missing = (core_entry & set(e.keys())) - set(mine.entries[0].keys())
            check(not missing, "%s: entries lack %s" % (os.path.basename(path), missing))


@test
def pages_link_to_their_feeds():
    body = SERVER.get("/news/")[2].decode("utf-8")
    for ctype, file in (("application/rss+xml", "feed.xml"), ("application/atom+xml", "atom.xml"),
                        ("application/feed+json", "feed.json")):
        check('<link rel="alternate" type="%s" title="News (' % ctype in body and
              'href="/news/%s">' % file in body, "/news/ links its %s" % file)
    body = SERVER.get("/")[2].decode("utf-8")
    check('type="application/atom+xml" title="The Northgate Courier (Atom)" href="/atom.xml"'
          in body, "home links the site's Atom feed")


def main():
    global SERVER, SITE, DB
    print("1..%d" % len(results))
    SITE = None
    try:
        SITE = make_site()
        DB = sqlite3.connect(os.path.join(SITE, "gazette.db"))
        SERVER = Server(SITE)
    except Exception as e:
        for i, fn in enumerate(results, 1):
            print("not ok %d - %s # setup: %s" % (i, fn.__name__, e))
        if SITE:
            shutil.rmtree(SITE, ignore_errors=True)
        return 1
    failed = 0
    try:
        for i, fn in enumerate(results, 1):
            try:
                fn()
                print("ok %d - %s" % (i, fn.__name__))
            except Exception as e:
                failed += 1
                print("not ok %d - %s" % (i, fn.__name__))
                for line in traceback.format_exc().splitlines():
                    print("# " + line)
                print("# " + str(e))
    finally:
        SERVER.stop()
        DB.close()
        shutil.rmtree(SITE, ignore_errors=True)
    print("# feedparser %s" % feedparser.__version__)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
