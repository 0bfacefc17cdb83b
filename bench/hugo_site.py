#!/usr/bin/env python3
"""Writes the articles of a Gazette site as a Hugo site, for `make bench`.

Usage: hugo_site.py SITE_DIR HUGO_DIR

Same articles (title, subtitle, Markdown body, date, section, authors, tags), the same
addresses (/YYYY/MM/slug/ for articles, /<section path>/ for sections, ?page lists as
Hugo's /page/N/), the same page size, and layouts (bench/hugo/layouts) with the same
parts as Gazette's theme: date bar, navigation, breadcrumb, byline, body, tags, related
articles, footer. Reads gazette.db with Python's own sqlite3 module.
"""
import json
import os
import shutil
import sqlite3
import sys
import time


def yaml_str(s):
    return json.dumps(s or "", ensure_ascii=False)


def main():
    site, out = sys.argv[1], sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    db = sqlite3.connect(f"file:{os.path.join(site, 'gazette.db')}?mode=ro", uri=True)
    settings = dict(db.execute("SELECT key, value FROM settings"))
    per_page = int(settings.get("per_page") or 20)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(os.path.join(out, "content"))
    shutil.copytree(os.path.join(here, "hugo", "layouts"), os.path.join(out, "layouts"))

    sections = {row[0]: row[1:] for row in db.execute("SELECT id, path, name FROM sections")}
    top = sorted({path.split("/")[0] for path, _ in sections.values()})
    with open(os.path.join(out, "hugo.toml"), "w") as f:
        f.write(f'baseURL = "http://127.0.0.1/"\n'
                f'languageCode = "en"\n'
                f'title = {yaml_str(settings.get("name", "Gazette"))}\n'
                f'disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n'
                f'paginate = {per_page}\n'
                f'[params]\n  tagline = {yaml_str(settings.get("tagline", ""))}\n'
                f'[taxonomies]\n  tag = "tags"\n  author = "authors"\n'
                f'[related]\n  includeNewer = true\n  threshold = 0\n  toLower = false\n'
                f'  [[related.indices]]\n    name = "tags"\n    weight = 100\n'
                f'[permalinks]\n')
        for t in top:
            f.write(f'  {yaml_str(t)} = "/:year/:month/:slug/"\n')
    for path, name in sections.values():
        d = os.path.join(out, "content", path)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "_index.md"), "w") as f:
            f.write(f"---\ntitle: {yaml_str(name)}\n---\n")

    authors = {}
    for aid, name in db.execute(
            "SELECT aa.article_id, au.name FROM article_authors aa JOIN authors au "
            "ON au.id = aa.author_id ORDER BY aa.article_id, aa.position"):
        authors.setdefault(aid, []).append(name)
    tags = {}
    for aid, name in db.execute(
            "SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"):
        tags.setdefault(aid, []).append(name)

    count = 0
    rows = db.execute(
        "SELECT id, kind, section_id, slug, title, subtitle, summary, body_md, published_at "
        "FROM articles WHERE status = 'published' AND deleted_at IS NULL AND lang = ?",
        (settings.get("language", "en"),))
    for aid, kind, section_id, slug, title, subtitle, summary, body, published in rows:
        if kind == "page" or section_id not in sections:
            d = os.path.join(out, "content")
            url = f"url: /{slug}/\n"
        else:
            d = os.path.join(out, "content", sections[section_id][0])
            url = ""
        date = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(published or 0))
        with open(os.path.join(d, f"{slug}.md"), "w") as f:
            f.write("---\n"
                    f"title: {yaml_str(title)}\n"
                    f"subtitle: {yaml_str(subtitle)}\n"
                    f"summary: {yaml_str(summary)}\n"
                    f"date: {date}\n"
                    f"slug: {yaml_str(slug)}\n"
                    f"kind: {kind}\n"
                    f"{url}"
                    f"authors: {json.dumps(authors.get(aid, []), ensure_ascii=False)}\n"
                    f"tags: {json.dumps(tags.get(aid, []), ensure_ascii=False)}\n"
                    "---\n")
            f.write(body or "")
        count += 1
    print(count)


if __name__ == "__main__":
    main()
