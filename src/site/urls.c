/* Every public address of the site, for the static export: pages of every
 * language with all their ?page=N pages, articles, feeds, sitemaps, theme
 * assets and media files. The list mirrors the routes of site.c and the
 * queries of pages.c; a route added there belongs here too. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "site_internal.h"

struct url_list {
        struct gz_arena *a;
        const char **items;
        size_t count, cap;
};

static void add(struct url_list *l, const char *fmt, ...) GZ_PRINTF(2, 3);

static void
add(struct url_list *l, const char *fmt, ...)
{
        va_list ap;
        va_start(ap, fmt);
        char *s = gz_arena_vprintf(l->a, fmt, ap);
        va_end(ap);
        l->items = gz_arena_grow(l->a, l->items, l->count, &l->cap, sizeof(*l->items));
        l->items[l->count++] = s;
}

static void
add_feeds(struct url_list *l, const char *base)
{
        add(l, "%sfeed.xml", base);
        add(l, "%satom.xml", base);
        add(l, "%sfeed.json", base);
}

/* A list page and its ?page=N pages, as pages.c paged_list() counts them. */
static void
add_list(struct url_list *l, struct gz_store *store, struct gz_arena *scratch,
         const struct gz_article_query *query, int per_page, const char *base)
{
        add(l, "%s", base);
        add_feeds(l, base);
        struct gz_article_query q = *query;
        q.limit = 1;
        struct gz_article *one;
        size_t n = 0, total = 0;
        if (gz_store_articles(store, scratch, &q, &one, &n, &total, NULL) != GZ_OK || per_page < 1)
                return;
        size_t pages = (total + (size_t)per_page - 1) / (size_t)per_page;
        for (size_t p = 2; p <= pages; p++)
                add(l, "%s?page=%zu", base, p);
}

static bool
media_file_name(const char *name)
{
        if (name[0] == '.' || strlen(name) > 200)
                return false;
        static const char *const exts[] = {".jpg", ".jpeg", ".png", ".webp", ".gif"};
        const char *dot = strrchr(name, '.');
        for (size_t i = 0; dot && i < GZ_ARRAY_LEN(exts); i++)
                if (strcmp(dot, exts[i]) == 0)
                        return true;
        return false;
}

static int
compare_names(const void *a, const void *b)
{
        return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Months (UTC, as article addresses use) that have published articles. */
struct months {
        int *ym; /* year * 100 + month */
        size_t count, cap;
};

static void
month_add(struct gz_arena *a, struct months *m, gz_time t)
{
        int y, mo;
        gz_time_to_civil(t, &y, &mo, NULL, NULL, NULL, NULL, NULL);
        int key = y * 100 + mo;
        for (size_t i = 0; i < m->count; i++)
                if (m->ym[i] == key)
                        return;
        m->ym = gz_arena_grow(a, m->ym, m->count, &m->cap, sizeof(*m->ym));
        m->ym[m->count++] = key;
}

static int
compare_ints_desc(const void *a, const void *b)
{
        int x = *(const int *)a, y = *(const int *)b;
        return (x < y) - (x > y);
}

static void
collect(struct gz_site *site, const struct gz_site_state *st, struct url_list *l)
{
        struct gz_store *store = site->store;
        struct gz_arena *scratch = gz_arena_new(64 * 1024);
        struct gz_tag *tags = NULL;
        size_t tag_count = 0;
        struct gz_author *authors = NULL;
        size_t author_count = 0;
        gz_store_tags(store, l->a, 0, &tags, &tag_count, NULL);
        gz_store_authors(store, l->a, &authors, &author_count, NULL);
        struct months all_months = {0};
        int per_page = st->settings.per_page;

        for (size_t li = 0; li < st->language_count; li++) {
                const struct gz_language *lang = &st->languages[li];
                const char *prefix = strcmp(lang->code, st->settings.language) == 0
                                         ? ""
                                         : gz_arena_printf(l->a, "/%s", lang->code);
                struct gz_article_query published = {.lang = lang->code,
                                                     .status = GZ_STATUS_PUBLISHED,
                                                     .kind = -1,
                                                     .exclude_pages = true};
                add(l, "%s/", prefix);
                add_feeds(l, gz_arena_printf(scratch, "%s/", prefix));
                add(l, "%s/archive/", prefix);
                for (size_t i = 0; i < st->tree.count; i++) {
                        const struct gz_section *s = &st->tree.sections[i];
                        struct gz_article_query q = published;
                        q.section_count =
                            gz_tree_subtree(&st->tree, s->id, scratch, (int64_t **)&q.section_ids);
                        add_list(l, store, scratch, &q, per_page,
                                 gz_arena_printf(l->a, "%s/%s/", prefix, s->path));
                        gz_arena_reset(scratch);
                }
                for (size_t i = 0; i < tag_count; i++) {
                        struct gz_article_query q = published;
                        q.tag_id = tags[i].id;
                        add_list(l, store, scratch, &q, per_page,
                                 gz_arena_printf(l->a, "%s/tag/%s/", prefix, tags[i].slug));
                        gz_arena_reset(scratch);
                }
                for (size_t i = 0; i < author_count; i++) {
                        struct gz_article_query q = published;
                        q.author_id = authors[i].id;
                        add_list(l, store, scratch, &q, per_page,
                                 gz_arena_printf(l->a, "%s/author/%s/", prefix, authors[i].slug));
                        gz_arena_reset(scratch);
                }

                /* Articles and static pages, in batches so a large site is
                 * never held in memory at once. */
                struct months months = {0};
                struct gz_arena *month_arena = gz_arena_new(4096);
                struct gz_article_query q = {
                    .lang = lang->code, .status = GZ_STATUS_PUBLISHED, .kind = -1, .limit = 2000};
                for (;;) {
                        struct gz_article *list;
                        size_t n = 0;
                        if (gz_store_articles(store, scratch, &q, &list, &n, NULL, NULL) != GZ_OK ||
                            n == 0)
                                break;
                        for (size_t i = 0; i < n; i++) {
                                add(l, "%s",
                                    gz_article_path(l->a, &list[i], st->settings.language,
                                                    st->settings.timezone));
                                if (list[i].kind != GZ_KIND_PAGE) {
                                        month_add(month_arena, &months, list[i].published_at);
                                        month_add(l->a, &all_months, list[i].published_at);
                                }
                        }
                        gz_arena_reset(scratch);
                        if (n < q.limit)
                                break;
                        q.offset += n;
                }
                qsort(months.ym, months.count, sizeof(int), compare_ints_desc);
                int last_year = 0;
                for (size_t i = 0; i < months.count; i++) {
                        int y = months.ym[i] / 100, m = months.ym[i] % 100;
                        if (y != last_year) {
                                add(l, "%s/%04d/", prefix, y);
                                last_year = y;
                        }
                        add(l, "%s/%04d/%02d/", prefix, y, m);
                }
                gz_arena_free(month_arena);
        }

        add(l, "/robots.txt");
        add(l, "/sitemap.xml");
        add(l, "/news-sitemap.xml");
        add(l, "/sitemaps/sections.xml");
        add(l, "/sitemaps/tags.xml");
        add(l, "/sitemaps/authors.xml");
        add(l, "/sitemaps/pages.xml");
        qsort(all_months.ym, all_months.count, sizeof(int), compare_ints_desc);
        for (size_t i = 0; i < all_months.count; i++)
                add(l, "/sitemaps/articles-%04d-%02d.xml", all_months.ym[i] / 100,
                    all_months.ym[i] % 100);

        for (size_t i = 0; i < site->theme.asset_count; i++)
                add(l, "%s", site->theme.assets[i].url);

        DIR *dir = opendir(site->media_dir);
        if (dir != NULL) {
                const char **names = NULL;
                size_t n = 0, cap = 0;
                struct dirent *de;
                while ((de = readdir(dir)) != NULL) {
                        if (!media_file_name(de->d_name))
                                continue;
                        names = gz_arena_grow(scratch, names, n, &cap, sizeof(*names));
                        names[n++] = gz_arena_strdup(scratch, de->d_name);
                }
                closedir(dir);
                qsort(names, n, sizeof(*names), compare_names);
                for (size_t i = 0; i < n; i++)
                        add(l, "/media/%s", names[i]);
        }
        gz_arena_free(scratch);
}

void
gz_site_each_url(struct gz_site *site, void (*fn)(void *ctx, const char *path), void *ctx)
{
        struct url_list l = {.a = gz_arena_new(256 * 1024)};
        /* Collected under the lock, handed out after it, so fn may render
         * pages (which take the lock themselves). */
        pthread_rwlock_rdlock(&site->state_lock);
        collect(site, site->state, &l);
        pthread_rwlock_unlock(&site->state_lock);
        for (size_t i = 0; i < l.count; i++)
                fn(ctx, l.items[i]);
        gz_arena_free(l.a);
}
