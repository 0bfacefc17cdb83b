/* The search page: /search?q= with filters (section, author, tag, kind,
 * dates), sorting, pages of results with the words found marked, and a
 * friendly page with suggestions when nothing is found. Whatever a reader
 * types, the answer is a page, never an error of the search engine. */
#include <stdlib.h>
#include <string.h>

#include "site_internal.h"

enum { MAX_SHOWN_QUERY = 200, MAX_SUGGESTIONS = 6 };

/* Text from the address made fit to show: valid UTF-8, no control
 * characters, spaces collapsed, at most max code points. */
static char *
clean_text(struct gz_arena *a, const char *s, size_t max_chars)
{
        struct gz_buf b;
        gz_buf_init(&b, a);
        gz_buf_puts(&b, "");
        size_t chars = 0;
        bool space = false;
        for (size_t i = 0, n = s ? strlen(s) : 0; i < n && chars < max_chars;) {
                uint32_t cp;
                size_t len = gz_utf8_decode(s + i, n - i, &cp);
                if (len == 0 || cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) ||
                    cp == 0x2028 || cp == 0x2029) {
                        space = b.len > 0;
                        i += len ? len : 1;
                        continue;
                }
                if (cp == ' ') {
                        space = b.len > 0;
                } else {
                        if (space) {
                                gz_buf_putc(&b, ' ');
                                chars++;
                        }
                        space = false;
                        gz_buf_put(&b, s + i, len);
                        chars++;
                }
                i += len;
        }
        return b.data;
}

char *
gz_view_snippet(struct gz_arena *a, const char *snippet)
{
        /* Everything is text but our marks, which become <mark> elements,
         * always balanced. */
        struct gz_buf b;
        gz_buf_init(&b, a);
        gz_buf_puts(&b, "");
        bool open = false;
        const char *run = snippet;
        for (const char *s = snippet; *s; s++) {
                if (*s != GZ_SEARCH_MARK_OPEN && *s != GZ_SEARCH_MARK_CLOSE)
                        continue;
                gz_html_escape(&b, run, (size_t)(s - run));
                run = s + 1;
                if (*s == GZ_SEARCH_MARK_OPEN && !open) {
                        gz_buf_puts(&b, "<mark>");
                        open = true;
                } else if (*s == GZ_SEARCH_MARK_CLOSE && open) {
                        gz_buf_puts(&b, "</mark>");
                        open = false;
                }
        }
        gz_html_escape(&b, run, strlen(run));
        if (open)
                gz_buf_puts(&b, "</mark>");
        return b.data;
}

struct filters {
        const char *q; /* as typed (for links), NULL when absent */
        const struct gz_section *section;
        struct gz_author *author;
        struct gz_tag *tag;
        int kind;              /* -1: any */
        const char *from, *to; /* YYYY-MM-DD as given and valid */
        gz_time from_t, to_t;
        bool by_date;
};

static bool
any_filter(const struct filters *f)
{
        return f->section || f->author || f->tag || f->kind >= 0 || f->from || f->to;
}

static void
query_arg(struct gz_buf *b, char *sep, const char *name, const char *value, const char *skip)
{
        if (value == NULL || (skip != NULL && strcmp(skip, name) == 0))
                return;
        gz_buf_printf(b, "%c%s=", *sep, name);
        gz_url_encode(b, value, strlen(value));
        *sep = '&';
}

/* The address of a search with these filters (but the one named skip)
 * and page. */
static char *
search_href(struct gz_page *p, const struct filters *f, const char *q, const char *skip, long page)
{
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        gz_buf_printf(&b, "%s/search", p->prefix);
        char sep = '?';
        query_arg(&b, &sep, "q", q, skip);
        query_arg(&b, &sep, "section", f->section ? f->section->path : NULL, skip);
        query_arg(&b, &sep, "author", f->author ? f->author->slug : NULL, skip);
        query_arg(&b, &sep, "tag", f->tag ? f->tag->slug : NULL, skip);
        query_arg(&b, &sep, "kind", f->kind >= 0 ? gz_article_kind_names[f->kind] : NULL, skip);
        query_arg(&b, &sep, "from", f->from, skip);
        query_arg(&b, &sep, "to", f->to, skip);
        query_arg(&b, &sep, "sort", f->by_date ? "date" : NULL, skip);
        if (page > 1)
                gz_buf_printf(&b, "%cpage=%ld", sep, page);
        return b.data;
}

static void
ignored(struct gz_page *p, struct gz_val *notes, const char *name)
{
        gz_list_push(notes, gz_val_str(p->a, gz_page_fmt(p, "search_ignored", "name", name, NULL)));
}

/* A day of the site's calendar, YYYY-MM-DD, as the instant it begins
 * (end: the instant the next day begins). */
static bool
parse_day(struct gz_page *p, const char *s, bool end, gz_time *out)
{
        long long y, m, d;
        if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
            !gz_parse_int_n(s, 4, 1900, 2999, &y) || !gz_parse_int_n(s + 5, 2, 1, 12, &m) ||
            !gz_parse_int_n(s + 8, 2, 1, 31, &d))
                return false;
        int check_y, check_m, check_d;
        gz_time_to_civil(gz_time_from_civil((int)y, (int)m, (int)d, 12, 0, 0), &check_y, &check_m,
                         &check_d, NULL, NULL, NULL, NULL);
        if (check_m != m || check_d != d)
                return false; /* 2026-02-30 */
        *out =
            gz_tz_from_local(p->settings->timezone, (int)y, (int)m, (int)d + (end ? 1 : 0), 0, 0);
        return true;
}

static void
read_filters(struct gz_page *p, struct filters *f, struct gz_val *notes)
{
        struct gz_store *store = p->site->store;
        memset(f, 0, sizeof(*f));
        f->kind = -1;
        const char *v;
        if ((v = gz_req_query(p->req, "section")) != NULL && *v) {
                f->section = gz_tree_find_path(&p->st->tree, v);
                if (f->section == NULL)
                        ignored(p, notes, "section");
        }
        if ((v = gz_req_query(p->req, "author")) != NULL && *v) {
                if (!gz_slug_valid(v) ||
                    gz_store_author_get(store, p->a, 0, v, &f->author, NULL) != GZ_OK) {
                        f->author = NULL;
                        ignored(p, notes, "author");
                }
        }
        if ((v = gz_req_query(p->req, "tag")) != NULL && *v) {
                if (!gz_slug_valid(v) ||
                    gz_store_tag_get(store, p->a, 0, v, &f->tag, NULL) != GZ_OK) {
                        f->tag = NULL;
                        ignored(p, notes, "tag");
                }
        }
        if ((v = gz_req_query(p->req, "kind")) != NULL && *v) {
                f->kind = gz_enum_lookup(gz_article_kind_names, GZ_KIND__MAX, v);
                if (f->kind == GZ_KIND__MAX) {
                        f->kind = -1;
                        ignored(p, notes, "kind");
                }
        }
        if ((v = gz_req_query(p->req, "from")) != NULL && *v) {
                if (parse_day(p, v, false, &f->from_t))
                        f->from = v;
                else
                        ignored(p, notes, "from");
        }
        if ((v = gz_req_query(p->req, "to")) != NULL && *v) {
                if (parse_day(p, v, true, &f->to_t))
                        f->to = v;
                else
                        ignored(p, notes, "to");
        }
        if ((v = gz_req_query(p->req, "sort")) != NULL && *v) {
                if (strcmp(v, "date") == 0)
                        f->by_date = true;
                else if (strcmp(v, "relevance") != 0)
                        ignored(p, notes, "sort");
        }
        if (f->author)
                gz_page_dep(p, "author:%lld", (long long)f->author->id);
        if (f->tag)
                gz_page_dep(p, "tag:%lld", (long long)f->tag->id);
}

/* The filter controls of the form, with the current values chosen. */
static void
filter_form(struct gz_page *p, const struct filters *f)
{
        struct gz_val *form = gz_val_obj(p->a);
        struct gz_val *sections = gz_val_list(p->a);
        for (size_t i = 0; i < p->st->tree.count; i++) {
                const struct gz_section *s = &p->st->tree.sections[i];
                struct gz_val *o = gz_val_obj(p->a);
                const struct gz_section *chain[16];
                size_t depth = gz_tree_chain(&p->st->tree, s->id, chain, 16);
                gz_obj_set_str(o, "value", s->path);
                gz_obj_set_str(o, "name",
                               depth > 1 ? gz_arena_printf(p->a, "— %s", s->name) : s->name);
                gz_obj_set_bool(o, "selected", f->section == s);
                /* Parents before children, each top section with its own. */
                if (depth <= 1) {
                        gz_list_push(sections, o);
                        for (size_t k = 0; k < p->st->tree.count; k++) {
                                const struct gz_section *c = &p->st->tree.sections[k];
                                if (c->parent_id != s->id)
                                        continue;
                                struct gz_val *co = gz_val_obj(p->a);
                                gz_obj_set_str(co, "value", c->path);
                                gz_obj_set_str(co, "name", gz_arena_printf(p->a, "— %s", c->name));
                                gz_obj_set_bool(co, "selected", f->section == c);
                                gz_list_push(sections, co);
                        }
                }
        }
        gz_obj_set(form, "sections", sections);
        struct gz_val *kinds = gz_val_list(p->a);
        for (int k = 0; k < GZ_KIND__MAX; k++) {
                struct gz_val *o = gz_val_obj(p->a);
                gz_obj_set_str(o, "value", gz_article_kind_names[k]);
                gz_obj_set_str(o, "name",
                               gz_page_str(p, gz_arena_printf(p->a, "search_kind_%s",
                                                              gz_article_kind_names[k])));
                gz_obj_set_bool(o, "selected", f->kind == k);
                gz_list_push(kinds, o);
        }
        gz_obj_set(form, "kinds", kinds);
        gz_obj_set_str(form, "from", f->from);
        gz_obj_set_str(form, "to", f->to);
        gz_obj_set_bool(form, "by_date", f->by_date);
        struct gz_val *chips = gz_val_list(p->a);
        if (f->author) {
                struct gz_val *c = gz_val_obj(p->a);
                gz_obj_set_str(c, "name", "author");
                gz_obj_set_str(c, "value", f->author->slug);
                gz_obj_set_str(c, "label",
                               gz_page_fmt(p, "search_by_author", "name", f->author->name, NULL));
                gz_obj_set_str(c, "remove", search_href(p, f, f->q, "author", 1));
                gz_list_push(chips, c);
        }
        if (f->tag) {
                struct gz_val *c = gz_val_obj(p->a);
                gz_obj_set_str(c, "name", "tag");
                gz_obj_set_str(c, "value", f->tag->slug);
                gz_obj_set_str(c, "label",
                               gz_page_fmt(p, "search_with_tag", "name", f->tag->name, NULL));
                gz_obj_set_str(c, "remove", search_href(p, f, f->q, "tag", 1));
                gz_list_push(chips, c);
        }
        gz_obj_set(form, "chips", chips);
        gz_obj_set_bool(form, "has_chips", chips->u.list.count > 0);
        gz_obj_set(p->root, "form", form);
}

static struct gz_search_query
store_query(struct gz_page *p, const struct filters *f, const struct gz_search_terms *terms)
{
        struct gz_search_query q = {.terms = terms,
                                    .lang = p->lang->code,
                                    .kind = f->kind,
                                    .from = f->from_t,
                                    .to = f->to_t,
                                    .by_date = f->by_date,
                                    .tag_id = f->tag ? f->tag->id : 0,
                                    .author_id = f->author ? f->author->id : 0};
        if (f->section)
                q.section_count =
                    gz_tree_subtree(&p->st->tree, f->section->id, p->a, (int64_t **)&q.section_ids);
        return q;
}

static struct gz_val *
result_view(struct gz_page *p, const struct gz_search_hit *hit)
{
        /* A card's values (it records the article's dependencies), with
         * the snippet in place of the summary when the body matched. */
        struct gz_val *v = gz_view_card(p, &hit->article, false);
        /* Keys set even when empty, so nothing is looked up around them. */
        gz_obj_set(v, "snippet",
                   hit->snippet && *hit->snippet
                       ? gz_val_html(p->a, gz_view_snippet(p->a, hit->snippet))
                       : gz_val_null());
        if (gz_obj_get(v, "section") == NULL)
                gz_obj_set(v, "section", gz_val_null());
        const char *kind_label = gz_page_str(
            p, gz_arena_printf(p->a, "kind_%s", gz_article_kind_names[hit->article.kind]));
        gz_obj_set_str(v, "kind_label", *kind_label ? kind_label : NULL);
        return v;
}

/* Nothing found: each word alone where it finds something, tags whose
 * names hold a word, and the same search without its filters. */
static void
suggestions(struct gz_page *p, const struct filters *f, const struct gz_search_terms *terms)
{
        struct gz_val *words = gz_val_list(p->a);
        for (size_t i = 0; terms->count > 1 && i < terms->count && i < MAX_SUGGESTIONS; i++) {
                struct gz_search_terms one = {.terms = &terms->terms[i], .count = 1};
                struct gz_search_query q = store_query(p, f, &one);
                q.limit = 1;
                struct gz_search_hit *hits;
                size_t n = 0, total = 0;
                if (gz_store_search(p->site->store, p->a, &q, &hits, &n, &total, NULL) != GZ_OK ||
                    total == 0)
                        continue;
                const char *text = gz_store_search_text(p->a, &terms->terms[i], 1);
                struct gz_val *w = gz_val_obj(p->a);
                gz_obj_set_str(w, "text", text);
                gz_obj_set_str(w, "url", search_href(p, f, text, NULL, 1));
                gz_obj_set_int(w, "count", (long long)total);
                gz_list_push(words, w);
        }
        gz_obj_set(p->root, "word_links", words);
        gz_obj_set_bool(p->root, "has_word_links", words->u.list.count > 0);

        struct gz_val *tags = gz_val_list(p->a);
        int64_t seen[MAX_SUGGESTIONS];
        size_t seen_n = 0;
        for (size_t i = 0; i < terms->count && seen_n < MAX_SUGGESTIONS; i++) {
                if (strlen(terms->terms[i].text) < 3)
                        continue; /* "of" is in too many names */
                struct gz_tag *found;
                size_t n = 0;
                if (gz_store_search_tags(p->site->store, p->a, p->lang->code, terms->terms[i].text,
                                         MAX_SUGGESTIONS, &found, &n, NULL) != GZ_OK)
                        continue;
                for (size_t k = 0; k < n && seen_n < MAX_SUGGESTIONS; k++) {
                        bool dup = false;
                        for (size_t j = 0; j < seen_n; j++)
                                dup |= seen[j] == found[k].id;
                        if (dup)
                                continue;
                        seen[seen_n++] = found[k].id;
                        gz_page_dep(p, "tag:%lld", (long long)found[k].id);
                        struct gz_val *t = gz_val_obj(p->a);
                        gz_obj_set_str(t, "name", found[k].name);
                        gz_obj_set_str(
                            t, "url",
                            gz_arena_printf(p->a, "%s/tag/%s/", p->prefix, found[k].slug));
                        gz_obj_set_int(t, "count", (long long)found[k].article_count);
                        gz_list_push(tags, t);
                }
        }
        gz_obj_set(p->root, "tag_links", tags);
        gz_obj_set_bool(p->root, "has_tag_links", tags->u.list.count > 0);
        if (any_filter(f)) {
                struct filters none = {.kind = -1};
                gz_obj_set_str(p->root, "without_filters", search_href(p, &none, f->q, NULL, 1));
        }
}

static void
pagination(struct gz_page *p, const struct filters *f, long page, long pages)
{
        if (pages <= 1)
                return;
        struct gz_val *pg = gz_val_obj(p->a);
        char num[24], total[24];
        snprintf(num, sizeof(num), "%ld", page);
        snprintf(total, sizeof(total), "%ld", pages);
        gz_obj_set_str(pg, "label", gz_page_fmt(p, "page_of", "page", num, "pages", total, NULL));
        if (page > 1) {
                char *prev = search_href(p, f, f->q, NULL, page - 1);
                gz_obj_set_str(pg, "prev", prev);
                gz_obj_set_str(p->root, "prev_url", gz_page_abs(p, prev));
        }
        if (page < pages) {
                char *next = search_href(p, f, f->q, NULL, page + 1);
                gz_obj_set_str(pg, "next", next);
                gz_obj_set_str(p->root, "next_url", gz_page_abs(p, next));
        }
        gz_obj_set(p->root, "pagination", pg);
}

void
gz_page_search(struct gz_page *p)
{
        gz_page_dep(p, "search");
        long page = gz_view_page_number(p);
        if (page < 1) {
                gz_page_not_found(p);
                return;
        }
        const char *raw = gz_req_query(p->req, "q");
        struct gz_search_terms *terms = GZ_NEW(p->a, struct gz_search_terms);
        gz_store_search_parse(p->a, raw, raw ? strlen(raw) : 0, terms);
        char *shown = clean_text(p->a, raw, MAX_SHOWN_QUERY);

        struct gz_val *notes = gz_val_list(p->a);
        struct filters f;
        read_filters(p, &f, notes);
        f.q = *shown ? shown : NULL;
        const char *title = *shown ? gz_page_fmt(p, "search_page_title", "query", shown, NULL)
                                   : gz_page_str(p, "search_title");
        char *self = search_href(p, &f, f.q, NULL, page);
        gz_page_layout(p, title, NULL, self);
        p->schema_type = "SearchResultsPage";
        /* Result pages are for readers, not for search engines' indexes. */
        gz_obj_set_bool(p->root, "noindex", true);
        gz_obj_set_str(p->root, "search_query", shown);
        gz_obj_set(p->root, "breadcrumb",
                   gz_view_breadcrumb(p, 0, gz_page_str(p, "search_title"), false));
        filter_form(p, &f);
        if (terms->truncated)
                gz_list_push(notes, gz_val_str(p->a, gz_page_str(p, "search_too_long")));

        bool failed = false;
        size_t n = 0, total = 0;
        struct gz_search_hit *hits = NULL;
        if (terms->count > 0) {
                struct gz_search_query q = store_query(p, &f, terms);
                q.limit = (size_t)p->settings->per_page;
                q.offset = (size_t)(page - 1) * q.limit;
                struct gz_error err;
                if (gz_store_search(p->site->store, p->a, &q, &hits, &n, &total, &err) != GZ_OK) {
                        /* Logged for the operator; the reader gets a page. */
                        gz_errorf("site: search \"%s\": %s", shown, err.msg);
                        failed = true;
                        n = total = 0;
                }
                if (!failed && n == 0 && page > 1) {
                        gz_page_not_found(p);
                        return;
                }
        }
        struct gz_val *results = gz_val_list(p->a);
        for (size_t i = 0; i < n; i++)
                gz_list_push(results, result_view(p, &hits[i]));
        gz_obj_set(p->root, "results", results);
        gz_obj_set_bool(p->root, "has_results", n > 0);
        gz_obj_set_int(p->root, "first",
                       (long long)((size_t)(page - 1) * (size_t)p->settings->per_page + 1));
        bool has_query = *shown != '\0';
        gz_obj_set_bool(p->root, "has_query", has_query);
        if (has_query && !failed) {
                char count[24];
                snprintf(count, sizeof(count), "%zu", total);
                const char *key = total == 1 ? "search_one_result" : "search_results";
                if (total > 0)
                        gz_obj_set_str(p->root, "count_text",
                                       gz_page_fmt(p, key, "count", count, "query", shown, NULL));
        }
        if (failed) {
                gz_obj_set_str(p->root, "unavailable", gz_page_str(p, "search_unavailable"));
        } else if (has_query && total == 0) {
                gz_obj_set_bool(p->root, "nothing", true);
                gz_obj_set_str(p->root, "nothing_text",
                               gz_page_fmt(p, "search_nothing", "query", shown, NULL));
                suggestions(p, &f, terms);
        }
        gz_obj_set(p->root, "notes", notes);
        long per_page = p->settings->per_page;
        pagination(p, &f, page, (long)((total + (size_t)per_page - 1) / (size_t)per_page));
        gz_page_render(p, "search", 200);
        if (failed && p->deps != NULL)
                p->deps->cacheable = false; /* try again on the next request */
}
