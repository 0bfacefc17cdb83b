/* Archives: the index of years and months with their counts (a calendar
 * of months per year) at /archive/, and the paginated lists of a year
 * (/YYYY/) and of a month (/YYYY/MM/). Months are UTC months, the months of
 * article addresses, so /2026/11/ lists exactly the articles under it. */
#include <stdlib.h>
#include <string.h>

#include "site_internal.h"

/* Month names of the Gregorian calendar in the page's language, whatever
 * the calendar its dates use: archive addresses are Gregorian months. */
static const char *
gregorian_locale(struct gz_page *p)
{
        const char *locale = p->lang->locale;
        if (strstr(locale, "calendar=") != NULL)
                return gz_arena_printf(p->a, "%.*s", (int)strcspn(locale, "@"), locale);
        return locale;
}

static char *
month_year_text(struct gz_page *p, int year, int month)
{
        const char *locale = gregorian_locale(p);
        const char *with = strchr(locale, '@') ? ";calendar=gregorian" : "@calendar=gregorian";
        struct gz_buf b;
        gz_buf_init(&b, p->a);
        /* Mid-month at noon UTC: no zone moves it to another month. */
        gz_date_format(&b, gz_arena_printf(p->a, "%s%s", locale, with), "UTC",
                       gz_time_from_civil(year, month, 15, 12, 0, 0), GZ_DATE_MONTH_YEAR);
        return b.data ? b.data : gz_arena_printf(p->a, "%04d-%02d", year, month);
}

static const char *
month_name(struct gz_page *p, int month)
{
        return gz_page_str(p, gz_arena_printf(p->a, "month_%d", month));
}

static char *
year_text(struct gz_page *p, int year)
{
        char y[8];
        snprintf(y, sizeof(y), "%04d", year);
        return gz_page_fmt(p, "archive_year", "year", y, NULL);
}

static char *
year_url(struct gz_page *p, int year)
{
        return gz_arena_printf(p->a, "%s/%04d/", p->prefix, year);
}

static char *
month_url(struct gz_page *p, int year, int month)
{
        return gz_arena_printf(p->a, "%s/%04d/%02d/", p->prefix, year, month);
}

/* Home > Archive (> year (> month)); the last one is the current page. */
static struct gz_val *
breadcrumb(struct gz_page *p, int year, int month)
{
        struct gz_val *list = gz_val_list(p->a);
        struct gz_val *home = gz_val_obj(p->a);
        gz_obj_set_str(home, "name", gz_page_str(p, "home"));
        gz_obj_set_str(home, "url", gz_arena_printf(p->a, "%s/", p->prefix));
        gz_list_push(list, home);
        struct gz_val *archive = gz_val_obj(p->a);
        gz_obj_set_str(archive, "name", gz_page_str(p, "archive_title"));
        if (year)
                gz_obj_set_str(archive, "url", gz_arena_printf(p->a, "%s/archive/", p->prefix));
        gz_list_push(list, archive);
        if (year) {
                struct gz_val *y = gz_val_obj(p->a);
                gz_obj_set_str(y, "name", year_text(p, year));
                if (month)
                        gz_obj_set_str(y, "url", year_url(p, year));
                gz_list_push(list, y);
        }
        if (month) {
                struct gz_val *m = gz_val_obj(p->a);
                gz_obj_set_str(m, "name", month_year_text(p, year, month));
                gz_list_push(list, m);
        }
        return list;
}

static struct gz_archive_month *
months_of(struct gz_page *p, size_t *count)
{
        struct gz_archive_month *months = NULL;
        *count = 0;
        if (gz_store_archive_months(p->site->store, p->a, p->lang->code, &months, count, NULL) !=
            GZ_OK)
                *count = 0;
        return months;
}

/* Twelve cells for a year: a link with its count where it has articles. */
static struct gz_val *
year_cells(struct gz_page *p, int year, const struct gz_archive_month *months, size_t n,
           int current_month, int64_t *year_total)
{
        struct gz_val *cells = gz_val_list(p->a);
        *year_total = 0;
        for (int m = 1; m <= 12; m++) {
                int64_t count = 0;
                for (size_t i = 0; i < n; i++)
                        if (months[i].year == year && months[i].month == m)
                                count = months[i].count;
                *year_total += count;
                struct gz_val *c = gz_val_obj(p->a);
                gz_obj_set_str(c, "name", month_name(p, m));
                gz_obj_set_str(c, "label", month_year_text(p, year, m));
                /* Set even when empty: a missing key would be looked up in
                 * the year around it. */
                gz_obj_set(c, "count",
                           count > 0 ? gz_val_int(p->a, (long long)count) : gz_val_null());
                gz_obj_set_str(c, "url",
                               count > 0 && m != current_month ? month_url(p, year, m) : NULL);
                gz_obj_set_bool(c, "current", m == current_month);
                gz_list_push(cells, c);
        }
        return cells;
}

void
gz_page_archive_index(struct gz_page *p)
{
        gz_page_dep(p, "archive:%s", p->lang->code);
        const char *path = gz_arena_printf(p->a, "%s/archive/", p->prefix);
        gz_page_layout(p, gz_page_str(p, "archive_title"), NULL, path);
        p->schema_type = "CollectionPage";
        gz_obj_set(p->root, "breadcrumb", breadcrumb(p, 0, 0));
        size_t n;
        struct gz_archive_month *months = months_of(p, &n);
        struct gz_val *years = gz_val_list(p->a);
        int64_t all = 0;
        for (size_t i = 0; i < n; i++) {
                if (i > 0 && months[i].year == months[i - 1].year)
                        continue; /* newest month first: one entry per year */
                int year = months[i].year;
                struct gz_val *y = gz_val_obj(p->a);
                int64_t total;
                gz_obj_set(y, "months", year_cells(p, year, months, n, 0, &total));
                gz_obj_set_str(y, "name", year_text(p, year));
                gz_obj_set_str(y, "url", year_url(p, year));
                gz_obj_set_int(y, "count", (long long)total);
                gz_obj_set_str(y, "id", gz_arena_printf(p->a, "y%04d", year));
                all += total;
                gz_list_push(years, y);
        }
        gz_obj_set(p->root, "years", years);
        gz_obj_set_bool(p->root, "has_years", years->u.list.count > 0);
        char count[24];
        snprintf(count, sizeof(count), "%lld", (long long)all);
        gz_obj_set_str(p->root, "total_text",
                       gz_page_fmt(p, "archive_total", "count", count, NULL));
        gz_page_render(p, "archive", 200);
}

void
gz_page_archive(struct gz_page *p, int year, int month)
{
        if (month)
                gz_page_dep(p, "archive:%s:%04d-%02d", p->lang->code, year, month);
        /* The month links above the list change with any month of the year. */
        gz_page_dep(p, "archive:%s:%04d", p->lang->code, year);
        size_t n;
        struct gz_archive_month *months = months_of(p, &n);
        int64_t total;
        struct gz_val *cells = year_cells(p, year, months, n, month, &total);
        if (total == 0) {
                gz_page_not_found(p);
                return;
        }
        const char *base = month ? month_url(p, year, month) : year_url(p, year);
        const char *heading = month ? month_year_text(p, year, month) : year_text(p, year);
        gz_page_layout(p, heading, NULL, base);
        p->schema_type = "CollectionPage";
        gz_obj_set_str(p->root, "kicker", gz_page_str(p, "archive_title"));
        gz_obj_set_str(p->root, "heading", heading);
        gz_obj_set(p->root, "breadcrumb", breadcrumb(p, year, month));
        /* Above the list, only the months that have articles. */
        struct gz_val *chips = gz_val_list(p->a);
        for (size_t i = 0; i < cells->u.list.count; i++)
                if (gz_obj_get(cells->u.list.items[i], "count")->type == GZ_VAL_INT)
                        gz_list_push(chips, cells->u.list.items[i]);
        struct gz_val *links = gz_val_obj(p->a);
        gz_obj_set(links, "months", chips);
        gz_obj_set(p->root, "archive_links", links);

        long page = gz_view_page_number(p);
        if (page < 1) {
                gz_page_not_found(p);
                return;
        }
        struct gz_article_query q = {.lang = p->lang->code,
                                     .status = GZ_STATUS_PUBLISHED,
                                     .kind = -1,
                                     .exclude_pages = true};
        q.published_from = gz_time_from_civil(year, month ? month : 1, 1, 0, 0, 0);
        q.published_to = month == 12 || month == 0
                             ? gz_time_from_civil(year + 1, 1, 1, 0, 0, 0)
                             : gz_time_from_civil(year, month + 1, 1, 0, 0, 0);
        q.limit = (size_t)p->settings->per_page;
        q.offset = (size_t)(page - 1) * q.limit;
        struct gz_article *list;
        size_t count;
        if (gz_store_articles(p->site->store, p->a, &q, &list, &count, NULL, NULL) != GZ_OK ||
            count == 0) {
                gz_page_not_found(p);
                return;
        }
        int64_t matched = total;
        if (month) {
                matched = 0;
                for (size_t i = 0; i < n; i++)
                        if (months[i].year == year && months[i].month == month)
                                matched = months[i].count;
        }
        long pages = (long)(((size_t)matched + q.limit - 1) / q.limit);
        gz_obj_set(p->root, "articles", gz_view_cards(p, list, count, true));
        gz_obj_set_bool(p->root, "has_articles", true);
        gz_view_pagination(p, base, page, pages);
        if (page > 1)
                gz_obj_set_str(p->root, "canonical",
                               gz_page_abs(p, gz_arena_printf(p->a, "%s?page=%ld", base, page)));
        gz_page_render(p, "list", 200);
}
