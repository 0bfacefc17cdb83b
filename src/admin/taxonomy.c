/* Sections, tags and author profiles in the admin (editors and admins):
 * creating, renaming, moving, merging and deleting them. A renamed or moved
 * address redirects from its old one; article addresses never contain a
 * section, a tag or an author, so they never move. */
#include <string.h>
#include <strings.h>

#include "forms.h"

enum { SECTION_DEPTH_MAX = 6, PRECISE_REPORT_MAX = 200 };

static bool
may_edit_taxonomy(struct gz_actx *x)
{
        if (gz_role_can(x->user->role, GZ_CAN_TAXONOMY))
                return true;
        gz_admin_error(x, 403, "Only editors and admins change sections, tags and authors.");
        return false;
}

/* ---- addresses that move ---------------------------------------------------- */

/* The address prefixes of the site's languages: "" for the default one,
 * "/fa" for each other. */
static size_t
language_prefixes(struct gz_actx *x, const char ***out)
{
        struct gz_language *langs;
        size_t n = 0;
        if (gz_store_languages(x->admin->store, x->a, &langs, &n, NULL) != GZ_OK)
                n = 0;
        const char **list = GZ_NEW_ARRAY(x->a, const char *, n + 1);
        size_t k = 0;
        list[k++] = "";
        for (size_t i = 0; i < n; i++)
                if (strcmp(langs[i].code, x->settings.language) != 0)
                        list[k++] = gz_arena_printf(x->a, "/%s", langs[i].code);
        *out = list;
        return k;
}

/* Records that the list page at /old_base/ (with its feeds, in every
 * language) now lives at /new_base/; earlier redirects to the old address
 * follow. Runs inside the caller's transaction. */
static enum gz_err
record_move(struct gz_actx *x, const char *old_base, const char *new_base, struct gz_error *err)
{
        static const char *const feeds[] = {"feed.xml", "atom.xml", "feed.json"};
        const char **prefixes;
        size_t n = language_prefixes(x, &prefixes);
        struct gz_store *s = x->admin->store;
        enum gz_err e = GZ_OK;
        for (size_t i = 0; e == GZ_OK && i < n; i++) {
                const char *from = gz_arena_printf(x->a, "%s/%s/", prefixes[i], old_base);
                const char *to = gz_arena_printf(x->a, "%s/%s/", prefixes[i], new_base);
                e = gz_store_redirects_retarget(s, from, to, err);
                if (e == GZ_OK)
                        e = gz_store_redirect_set(s, from, to, 301, err);
                for (size_t f = 0; e == GZ_OK && f < GZ_ARRAY_LEN(feeds); f++)
                        e = gz_store_redirect_set(s, gz_arena_printf(x->a, "%s%s", from, feeds[f]),
                                                  gz_arena_printf(x->a, "%s%s", to, feeds[f]), 301,
                                                  err);
        }
        return e;
}

/* Loads the articles the change touches (when not too many), so their
 * pages and lists can be named exactly before and after. */
struct article_refs {
        int64_t *ids;
        struct gz_article_ref *before;
        size_t count;
        bool precise;
};

static void
refs_before(struct gz_actx *x, int64_t *ids, size_t n, struct article_refs *r)
{
        r->ids = ids;
        r->count = n;
        r->precise = n <= PRECISE_REPORT_MAX;
        if (!r->precise)
                return;
        r->before = GZ_NEW_ARRAY(x->a, struct gz_article_ref, n + 1);
        for (size_t i = 0; i < n; i++) {
                struct gz_article *ar;
                if (gz_store_article_get(x->admin->store, x->a, ids[i], NULL, NULL, &ar, NULL) ==
                    GZ_OK)
                        gz_content_article_ref(&r->before[i], ar, x->a);
                else
                        r->before[i].lang = r->before[i].slug = "";
        }
}

/* Each article's lists changed (a tag went or came): report them one by
 * one, or, for a very large tag, drop the whole cache. */
static void
refs_report(struct gz_actx *x, const struct article_refs *r)
{
        struct gz_content *c = x->admin->content;
        if (c->on_change == NULL)
                return;
        if (!r->precise) {
                gz_admin_changed(x, GZ_CHANGE_SETTINGS, 0);
                return;
        }
        for (size_t i = 0; i < r->count; i++) {
                struct gz_change change = {
                    .kind = GZ_CHANGE_ARTICLE, .id = r->ids[i], .before = r->before[i]};
                struct gz_article *ar;
                if (gz_store_article_get(x->admin->store, x->a, r->ids[i], NULL, NULL, &ar, NULL) ==
                    GZ_OK)
                        gz_content_article_ref(&change.after, ar, x->a);
                else
                        change.after.lang = change.after.slug = "";
                c->on_change(c->change_ctx, &change);
        }
}

/* ---- sections ------------------------------------------------------------------ */

/* Top-level addresses the site's own routes answer. */
static const char *const reserved_slugs[] = {
    "tag",       "author",      "search",   "archive",          "admin",
    "api",       "assets",      "media",    "feed.xml",         "atom.xml",
    "feed.json", "sitemap.xml", "sitemaps", "news-sitemap.xml", "robots.txt",
    "healthz",
};

static bool
four_digits(const char *s)
{
        if (strlen(s) != 4)
                return false;
        for (int i = 0; i < 4; i++)
                if (s[i] < '0' || s[i] > '9')
                        return false;
        return true;
}

/* Why a top-level section may not have this address, or NULL. */
static const char *
reserved_reason(struct gz_actx *x, const char *slug)
{
        for (size_t i = 0; i < GZ_ARRAY_LEN(reserved_slugs); i++)
                if (strcmp(slug, reserved_slugs[i]) == 0)
                        return gz_arena_printf(x->a,
                                               "address: /%s/ is reserved by the site itself; "
                                               "choose another address for the section",
                                               slug);
        if (four_digits(slug))
                return gz_arena_printf(x->a,
                                       "address: /%s/ would look like a year of the archive; "
                                       "choose an address that is not a 4-digit number",
                                       slug);
        struct gz_language *langs;
        size_t n = 0;
        if (gz_store_languages(x->admin->store, x->a, &langs, &n, NULL) != GZ_OK)
                n = 0;
        for (size_t i = 0; i < n; i++) {
                if (strcmp(langs[i].code, slug) == 0)
                        return gz_arena_printf(x->a,
                                               "address: /%s/ is the address of the site in %s; "
                                               "choose another address",
                                               slug, langs[i].name);
                struct gz_article *page;
                if (gz_store_article_get(x->admin->store, x->a, 0, langs[i].code, slug, &page,
                                         NULL) == GZ_OK &&
                    page->kind == GZ_KIND_PAGE)
                        return gz_arena_printf(x->a,
                                               "address: /%s/ is used by the page \"%s\"; choose "
                                               "another address",
                                               slug, page->title);
        }
        return NULL;
}

static void
load_tree(struct gz_actx *x, struct gz_section_tree *tree)
{
        tree->sections = NULL;
        tree->count = 0;
        gz_store_sections(x->admin->store, x->a, &tree->sections, &tree->count, NULL);
}

/* How many levels a section's subtree has below it. */
static size_t
subtree_height(const struct gz_section_tree *tree, int64_t id, size_t guard)
{
        size_t h = 0;
        if (guard == 0)
                return 0;
        for (size_t i = 0; i < tree->count; i++) {
                if (tree->sections[i].parent_id != id)
                        continue;
                size_t below = 1 + subtree_height(tree, tree->sections[i].id, guard - 1);
                if (below > h)
                        h = below;
        }
        return h;
}

static bool
in_subtree(const struct gz_section_tree *tree, int64_t root, int64_t id)
{
        const struct gz_section *chain[16];
        size_t depth = gz_tree_chain(tree, id, chain, 16);
        for (size_t i = 0; i < depth; i++)
                if (chain[i]->id == root)
                        return true;
        return false;
}

struct section_values {
        const char *name, *slug, *description;
        int64_t parent_id;
        long long position;
};

static void
section_rows(struct gz_actx *x, const struct gz_section_tree *tree, int64_t parent, int depth,
             struct gz_val *rows)
{
        if (depth >= 16)
                return;
        for (size_t i = 0; i < tree->count; i++) {
                const struct gz_section *s = &tree->sections[i];
                if (s->parent_id != parent)
                        continue;
                int64_t articles = 0, subsections = 0;
                gz_store_section_usage(x->admin->store, s->id, &articles, &subsections, NULL);
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set_int(r, "id", s->id);
                gz_obj_set_str(r, "name", s->name);
                gz_obj_set_str(r, "path", s->path);
                gz_obj_set_int(r, "depth", depth < SECTION_DEPTH_MAX ? depth : SECTION_DEPTH_MAX);
                gz_obj_set_int(r, "articles", articles);
                gz_list_push(rows, r);
                section_rows(x, tree, s->id, depth + 1, rows);
        }
}

static void
sections_page(struct gz_actx *x, const struct section_values *typed, const char *error, int status)
{
        gz_admin_page(x, "Sections");
        struct gz_section_tree tree;
        load_tree(x, &tree);
        /* Shown beside the form at the end of the page, where it is needed. */
        gz_obj_set_str(x->root, "form_error", error);
        struct gz_val *rows = gz_val_list(x->a);
        section_rows(x, &tree, 0, 0, rows);
        gz_obj_set(x->root, "sections", rows);
        gz_obj_set_bool(x->root, "has_sections", tree.count > 0);
        gz_obj_set(x->root, "parent_options",
                   gz_admin_section_options(x, &tree, typed ? typed->parent_id : 0, 0));
        if (typed != NULL) {
                gz_obj_set_str(x->root, "name", typed->name);
                gz_obj_set_str(x->root, "slug", typed->slug);
                gz_obj_set_str(x->root, "description", typed->description);
        }
        gz_admin_render(x, "sections", status);
}

static void
section_page(struct gz_actx *x, const struct gz_section *sec, const struct section_values *typed,
             const char *error, int status)
{
        gz_admin_page(x, gz_arena_printf(x->a, "Section: %s", sec->name));
        struct gz_section_tree tree;
        load_tree(x, &tree);
        struct gz_val *r = x->root;
        gz_obj_set_str(r, "error", error);
        gz_obj_set_int(r, "id", sec->id);
        gz_obj_set_str(r, "current_name", sec->name);
        gz_obj_set_str(r, "path", sec->path);
        gz_obj_set_str(r, "name", typed ? typed->name : sec->name);
        gz_obj_set_str(r, "slug", typed ? typed->slug : sec->slug);
        gz_obj_set_str(r, "description", typed ? typed->description : sec->description);
        gz_obj_set_int(r, "position", typed ? typed->position : sec->position);
        gz_obj_set(
            r, "parent_options",
            gz_admin_section_options(x, &tree, typed ? typed->parent_id : sec->parent_id, sec->id));
        gz_obj_set(r, "target_options", gz_admin_section_options(x, &tree, 0, sec->id));
        int64_t articles = 0, subsections = 0;
        gz_store_section_usage(x->admin->store, sec->id, &articles, &subsections, NULL);
        gz_obj_set_int(r, "articles", articles);
        gz_obj_set_int(r, "subsections", subsections);
        gz_obj_set_bool(r, "has_articles", articles > 0);
        gz_obj_set_bool(r, "has_subsections", subsections > 0);
        gz_obj_set_bool(r, "deletable", articles == 0 && subsections == 0);
        gz_admin_render(x, "section", status);
}

static void
section_values_from_form(struct gz_actx *x, struct section_values *v, long long position)
{
        v->name = gz_admin_field(x, "name");
        v->slug = gz_admin_field(x, "slug");
        v->description = gz_admin_field(x, "description");
        v->parent_id = gz_admin_id(gz_admin_form(x, "parent"));
        v->position = position;
        const char *pos = gz_admin_field(x, "position");
        if (pos != NULL && *pos)
                gz_parse_int(pos, -100000, 100000, &v->position);
}

/* What is wrong with a section's new values, or NULL; *e says how bad. */
static const char *
section_problem(struct gz_actx *x, const struct gz_section_tree *tree, const struct gz_section *old,
                const struct section_values *v, const char *slug, const struct gz_section *parent,
                const char *path, enum gz_err *e)
{
        struct gz_error err = {0};
        *e = GZ_EINVAL;
        if (!gz_admin_text_ok("name", v->name, 200, false, true, &err) ||
            !gz_admin_text_ok("description", v->description, 2000, true, false, &err))
                return gz_arena_strdup(x->a, err.msg);
        if (!gz_slug_valid(slug))
                return "address: lowercase letters, digits and single hyphens, such as city-hall";
        if (v->parent_id && parent == NULL)
                return "parent: no such section";
        if (old && parent && in_subtree(tree, old->id, parent->id))
                return "parent: a section cannot move inside itself";
        if (parent == NULL) {
                const char *reason = reserved_reason(x, slug);
                if (reason != NULL)
                        return reason;
        }
        const struct gz_section *chain[16];
        size_t depth = parent ? gz_tree_chain(tree, parent->id, chain, 16) + 1 : 1;
        if (old)
                depth += subtree_height(tree, old->id, 16);
        if (depth > SECTION_DEPTH_MAX)
                return gz_arena_printf(x->a, "parent: sections nest at most %d levels deep",
                                       SECTION_DEPTH_MAX);
        const struct gz_section *taken = gz_tree_find_path(tree, path);
        if (taken != NULL && (old == NULL || taken->id != old->id)) {
                *e = GZ_ECONFLICT;
                return gz_arena_printf(x->a, "address: the section \"%s\" already has /%s/",
                                       taken->name, path);
        }
        return NULL;
}

/* Creates (old NULL) or changes a section. */
static void
section_save(struct gz_actx *x, const struct gz_section *old)
{
        struct section_values v;
        section_values_from_form(x, &v, old ? old->position : 0);
        struct gz_section_tree tree;
        load_tree(x, &tree);
        struct gz_error err = {0};
        enum gz_err e = GZ_EINVAL;
        const char *slug = v.slug && *v.slug ? v.slug : gz_slugify(x->a, v.name ? v.name : "", 80);
        const struct gz_section *parent = v.parent_id ? gz_tree_find(&tree, v.parent_id) : NULL;
        const char *path = parent ? gz_arena_printf(x->a, "%s/%s", parent->path, slug) : slug;
        const char *message = section_problem(x, &tree, old, &v, slug, parent, path, &e);
        if (message != NULL) {
                if (old)
                        section_page(x, old, &v, message, gz_admin_status(e));
                else
                        sections_page(x, &v, message, gz_admin_status(e));
                return;
        }

        struct gz_section sec = {.id = old ? old->id : 0,
                                 .parent_id = parent ? parent->id : 0,
                                 .slug = slug,
                                 .path = path,
                                 .name = v.name,
                                 .description = v.description ? v.description : "",
                                 .position = (int)v.position};
        bool moved = old && strcmp(old->path, path) != 0;
        e = gz_store_tx_begin(x->admin->store, &err);
        if (e == GZ_OK)
                e = gz_store_section_save(x->admin->store, &sec, &err);
        /* The section and every section below it move; each old address
         * redirects to its new one. */
        for (size_t i = 0; e == GZ_OK && moved && i < tree.count; i++) {
                const char *p = tree.sections[i].path;
                size_t n = strlen(old->path);
                if (strncmp(p, old->path, n) != 0 || (p[n] != '\0' && p[n] != '/'))
                        continue;
                e = record_move(x, p, gz_arena_printf(x->a, "%s%s", path, p + n), &err);
        }
        if (e == GZ_OK)
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip,
                               old ? "section-change" : "section-create",
                               gz_arena_printf(x->a, "section:%lld", (long long)sec.id),
                               moved ? gz_arena_printf(x->a, "/%s/ → /%s/", old->path, path)
                                     : gz_arena_printf(x->a, "/%s/", path));
        if (e == GZ_OK)
                e = gz_store_tx_commit(x->admin->store, &err);
        else
                gz_store_tx_rollback(x->admin->store);
        if (e != GZ_OK) {
                if (old)
                        section_page(x, old, &v, err.msg, gz_admin_status(e));
                else
                        sections_page(x, &v, err.msg, gz_admin_status(e));
                return;
        }
        gz_admin_changed(x, GZ_CHANGE_SECTIONS, sec.id);
        gz_admin_redirect(x,
                          old ? gz_arena_printf(x->a, "sections/%lld?done=saved", (long long)sec.id)
                              : "sections?done=created");
}

static void
section_move_articles(struct gz_actx *x, const struct gz_section *sec)
{
        struct gz_section_tree tree;
        load_tree(x, &tree);
        int64_t to = gz_admin_id(gz_admin_form(x, "to"));
        const struct gz_section *target = to ? gz_tree_find(&tree, to) : NULL;
        if (to && target == NULL) {
                section_page(x, sec, NULL, "move to: no such section", 422);
                return;
        }
        struct gz_error err = {0};
        size_t moved = 0;
        enum gz_err e = gz_store_tx_begin(x->admin->store, &err);
        if (e == GZ_OK)
                e = gz_store_section_move_articles(x->admin->store, sec->id, to, &moved, &err);
        if (e == GZ_OK)
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip,
                               "section-move-articles",
                               gz_arena_printf(x->a, "section:%lld", (long long)sec->id),
                               gz_arena_printf(x->a, "%zu articles to %s", moved,
                                               target ? target->path : "no section"));
        if (e == GZ_OK)
                e = gz_store_tx_commit(x->admin->store, &err);
        else
                gz_store_tx_rollback(x->admin->store);
        if (e != GZ_OK) {
                section_page(x, sec, NULL, err.msg, gz_admin_status(e));
                return;
        }
        /* Breadcrumbs and lists of every moved article change. */
        gz_admin_changed(x, GZ_CHANGE_SECTIONS, sec->id);
        gz_admin_redirect(x, gz_arena_printf(x->a, "sections/%lld?done=moved", (long long)sec->id));
}

static void
section_delete(struct gz_actx *x, const struct gz_section *sec)
{
        int64_t articles = 0, subsections = 0;
        struct gz_error err = {0};
        gz_store_section_usage(x->admin->store, sec->id, &articles, &subsections, NULL);
        if (subsections > 0) {
                section_page(x, sec, NULL,
                             gz_arena_printf(x->a,
                                             "Not deleted: it has %lld subsection%s. Move or "
                                             "delete %s first.",
                                             (long long)subsections, subsections == 1 ? "" : "s",
                                             subsections == 1 ? "it" : "them"),
                             409);
                return;
        }
        if (articles > 0) {
                section_page(x, sec, NULL,
                             gz_arena_printf(x->a,
                                             "Not deleted: it still has %lld article%s (the trash "
                                             "included). Move %s to another section first.",
                                             (long long)articles, articles == 1 ? "" : "s",
                                             articles == 1 ? "it" : "them"),
                             409);
                return;
        }
        enum gz_err e = gz_store_tx_begin(x->admin->store, &err);
        if (e == GZ_OK)
                e = gz_store_section_delete(x->admin->store, sec->id, &err);
        if (e == GZ_OK)
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "section-delete",
                               gz_arena_printf(x->a, "section:%lld", (long long)sec->id),
                               gz_arena_printf(x->a, "/%s/ %s", sec->path, sec->name));
        if (e == GZ_OK)
                e = gz_store_tx_commit(x->admin->store, &err);
        else
                gz_store_tx_rollback(x->admin->store);
        if (e != GZ_OK) {
                section_page(x, sec, NULL, err.msg, gz_admin_status(e));
                return;
        }
        gz_admin_changed(x, GZ_CHANGE_SECTIONS, sec->id);
        gz_admin_redirect(x, "sections?done=deleted");
}

void
gz_admin_sections(struct gz_actx *x)
{
        if (!may_edit_taxonomy(x))
                return;
        bool post = x->req->method == GZ_POST;
        if (x->n == 1) {
                if (post)
                        section_save(x, NULL);
                else
                        sections_page(x, NULL, NULL, 200);
                return;
        }
        struct gz_section_tree tree;
        load_tree(x, &tree);
        const struct gz_section *sec = gz_tree_find(&tree, gz_admin_id(x->seg[1]));
        if (sec == NULL || x->n > 3) {
                gz_admin_error(x, 404, "There is no such section.");
                return;
        }
        if (x->n == 2) {
                if (post)
                        section_save(x, sec);
                else
                        section_page(x, sec, NULL, NULL, 200);
        } else if (post && strcmp(x->seg[2], "delete") == 0) {
                section_delete(x, sec);
        } else if (post && strcmp(x->seg[2], "move") == 0) {
                section_move_articles(x, sec);
        } else {
                gz_admin_error(x, 404, "There is no such page in the admin.");
        }
}

/* ---- tags -------------------------------------------------------------------------- */

struct tag_values {
        const char *name, *slug;
};

static bool
contains_folded(const char *hay, const char *needle)
{
        size_t n = strlen(needle);
        for (const char *p = hay; *p; p++)
                if (strncasecmp(p, needle, n) == 0)
                        return true;
        return n == 0;
}

static void
tags_page(struct gz_actx *x, const struct tag_values *typed, const char *error, int status)
{
        gz_admin_page(x, "Tags");
        gz_obj_set_str(x->root, "form_error", error);
        const char *q = gz_req_query(x->req, "q");
        if (q != NULL)
                q = gz_arena_strndup(x->a, q, 100);
        struct gz_tag *tags;
        size_t n = 0;
        if (gz_store_tags(x->admin->store, x->a, 0, &tags, &n, NULL) != GZ_OK)
                n = 0;
        struct gz_val *rows = gz_val_list(x->a);
        size_t shown = 0;
        for (size_t i = 0; i < n; i++) {
                if (q != NULL && *q && !contains_folded(tags[i].name, q) &&
                    !contains_folded(tags[i].slug, q))
                        continue;
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set_int(r, "id", tags[i].id);
                gz_obj_set_str(r, "name", tags[i].name);
                gz_obj_set_str(r, "slug", tags[i].slug);
                gz_obj_set_int(r, "published", tags[i].article_count);
                gz_list_push(rows, r);
                shown++;
        }
        gz_obj_set(x->root, "tags", rows);
        gz_obj_set_bool(x->root, "has_tags", shown > 0);
        gz_obj_set_int(x->root, "total", (long long)n);
        gz_obj_set_int(x->root, "shown", (long long)shown);
        gz_obj_set_str(x->root, "q", q);
        if (typed != NULL) {
                gz_obj_set_str(x->root, "name", typed->name);
                gz_obj_set_str(x->root, "slug", typed->slug);
        }
        gz_admin_render(x, "tags", status);
}

static void
tag_page(struct gz_actx *x, const struct gz_tag *tag, const struct tag_values *typed,
         const char *error, int status)
{
        gz_admin_page(x, gz_arena_printf(x->a, "Tag: %s", tag->name));
        struct gz_val *r = x->root;
        gz_obj_set_str(r, "error", error);
        gz_obj_set_int(r, "id", tag->id);
        gz_obj_set_str(r, "current_name", tag->name);
        gz_obj_set_str(r, "current_slug", tag->slug);
        gz_obj_set_str(r, "name", typed ? typed->name : tag->name);
        gz_obj_set_str(r, "slug", typed ? typed->slug : tag->slug);
        int64_t *ids;
        size_t n = 0;
        if (gz_store_tag_article_ids(x->admin->store, x->a, tag->id, &ids, &n, NULL) != GZ_OK)
                n = 0;
        gz_obj_set_int(r, "articles", (long long)n);
        gz_obj_set_bool(r, "one_article", n == 1);
        struct gz_tag *tags;
        size_t count = 0;
        if (gz_store_tags(x->admin->store, x->a, 0, &tags, &count, NULL) != GZ_OK)
                count = 0;
        struct gz_val *others = gz_val_list(x->a);
        for (size_t i = 0; i < count; i++) {
                if (tags[i].id == tag->id)
                        continue;
                struct gz_val *o = gz_val_obj(x->a);
                gz_obj_set_int(o, "value", tags[i].id);
                gz_obj_set_str(o, "label", tags[i].name);
                gz_list_push(others, o);
        }
        gz_obj_set(r, "merge_options", others);
        gz_obj_set_bool(r, "can_merge", count > 1);
        gz_admin_render(x, "tag", status);
}

static bool
tag_values_ok(struct gz_actx *x, struct tag_values *v, struct gz_error *err)
{
        if (!gz_admin_text_ok("name", v->name, 100, false, true, err))
                return false;
        const char *slug = v->slug && *v->slug ? v->slug : gz_slugify(x->a, v->name, 80);
        if (!gz_slug_valid(slug)) {
                gz_fail(err, GZ_EINVAL,
                        "address: lowercase letters, digits and single hyphens, such as "
                        "harbour-works");
                return false;
        }
        v->slug = slug;
        return true;
}

static void
tag_create(struct gz_actx *x)
{
        struct tag_values v = {.name = gz_admin_field(x, "name"),
                               .slug = gz_admin_field(x, "slug")};
        struct tag_values typed = v;
        struct gz_error err = {0};
        if (!tag_values_ok(x, &v, &err)) {
                tags_page(x, &typed, err.msg, 422);
                return;
        }
        struct gz_tag *existing;
        if (gz_store_tag_get(x->admin->store, x->a, 0, v.slug, &existing, NULL) == GZ_OK) {
                tags_page(x, &typed,
                          gz_arena_printf(x->a, "address: the tag \"%s\" already has /tag/%s/",
                                          existing->name, v.slug),
                          409);
                return;
        }
        int64_t id = 0;
        if (gz_store_tag_ensure(x->admin->store, v.slug, v.name, &id, &err) != GZ_OK) {
                tags_page(x, &typed, err.msg, gz_admin_status(err.code));
                return;
        }
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "tag-create",
                       gz_arena_printf(x->a, "tag:%lld", (long long)id), v.name);
        gz_admin_changed(x, GZ_CHANGE_TAG, id);
        gz_admin_redirect(x, "tags?done=created");
}

static void
tag_rename(struct gz_actx *x, const struct gz_tag *tag)
{
        struct tag_values v = {.name = gz_admin_field(x, "name"),
                               .slug = gz_admin_field(x, "slug")};
        struct tag_values typed = v;
        struct gz_error err = {0};
        if (!tag_values_ok(x, &v, &err)) {
                tag_page(x, tag, &typed, err.msg, 422);
                return;
        }
        struct gz_tag renamed = {.id = tag->id, .name = v.name, .slug = v.slug};
        bool moved = strcmp(tag->slug, v.slug) != 0;
        enum gz_err e = gz_store_tx_begin(x->admin->store, &err);
        if (e == GZ_OK)
                e = gz_store_tag_update(x->admin->store, &renamed, &err);
        if (e == GZ_OK && moved)
                e = record_move(x, gz_arena_printf(x->a, "tag/%s", tag->slug),
                                gz_arena_printf(x->a, "tag/%s", v.slug), &err);
        if (e == GZ_OK)
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "tag-rename",
                               gz_arena_printf(x->a, "tag:%lld", (long long)tag->id),
                               gz_arena_printf(x->a, "%s → %s", tag->name, v.name));
        if (e == GZ_OK)
                e = gz_store_tx_commit(x->admin->store, &err);
        else
                gz_store_tx_rollback(x->admin->store);
        if (e != GZ_OK) {
                if (e == GZ_ECONFLICT)
                        gz_fail(&err, e,
                                "address: another tag has /tag/%s/; merge the two tags "
                                "instead",
                                v.slug);
                tag_page(x, tag, &typed, err.msg, gz_admin_status(e));
                return;
        }
        /* Article pages name their tags and record "tag:<id>"; no list
         * changes its members. */
        gz_admin_changed(x, GZ_CHANGE_TAG, tag->id);
        gz_admin_redirect(x, gz_arena_printf(x->a, "tags/%lld?done=saved", (long long)tag->id));
}

static void
tag_merge_or_delete(struct gz_actx *x, const struct gz_tag *tag, bool merge)
{
        struct gz_error err = {0};
        struct gz_tag *into = NULL;
        if (merge) {
                int64_t into_id = gz_admin_id(gz_admin_form(x, "into"));
                if (into_id == tag->id || into_id == 0 ||
                    gz_store_tag_get(x->admin->store, x->a, into_id, NULL, &into, NULL) != GZ_OK) {
                        tag_page(x, tag, NULL, "merge into: choose another tag", 422);
                        return;
                }
        }
        int64_t *ids;
        size_t n = 0;
        if (gz_store_tag_article_ids(x->admin->store, x->a, tag->id, &ids, &n, &err) != GZ_OK) {
                tag_page(x, tag, NULL, err.msg, 500);
                return;
        }
        struct article_refs refs = {0};
        refs_before(x, ids, n, &refs);
        enum gz_err e = gz_store_tx_begin(x->admin->store, &err);
        if (e == GZ_OK)
                e = merge ? gz_store_tag_merge(x->admin->store, tag->id, into->id, &err)
                          : gz_store_tag_delete(x->admin->store, tag->id, &err);
        if (e == GZ_OK && merge)
                e = record_move(x, gz_arena_printf(x->a, "tag/%s", tag->slug),
                                gz_arena_printf(x->a, "tag/%s", into->slug), &err);
        if (e == GZ_OK)
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip,
                               merge ? "tag-merge" : "tag-delete",
                               gz_arena_printf(x->a, "tag:%lld", (long long)tag->id),
                               merge ? gz_arena_printf(x->a, "%s into %s (%zu articles)", tag->name,
                                                       into->name, n)
                                     : gz_arena_printf(x->a, "%s (%zu articles)", tag->name, n));
        if (e == GZ_OK)
                e = gz_store_tx_commit(x->admin->store, &err);
        else
                gz_store_tx_rollback(x->admin->store);
        if (e != GZ_OK) {
                tag_page(x, tag, NULL, err.msg, gz_admin_status(e));
                return;
        }
        refs_report(x, &refs);
        gz_admin_changed(x, GZ_CHANGE_TAG, tag->id);
        if (merge) {
                gz_admin_changed(x, GZ_CHANGE_TAG, into->id);
                gz_admin_redirect(
                    x, gz_arena_printf(x->a, "tags/%lld?done=merged", (long long)into->id));
        } else {
                gz_admin_redirect(x, "tags?done=deleted");
        }
}

void
gz_admin_tags(struct gz_actx *x)
{
        if (!may_edit_taxonomy(x))
                return;
        bool post = x->req->method == GZ_POST;
        if (x->n == 1) {
                if (post)
                        tag_create(x);
                else
                        tags_page(x, NULL, NULL, 200);
                return;
        }
        int64_t id = gz_admin_id(x->seg[1]);
        struct gz_tag *tag;
        if (x->n > 3 || id == 0 ||
            gz_store_tag_get(x->admin->store, x->a, id, NULL, &tag, NULL) != GZ_OK) {
                gz_admin_error(x, 404, "There is no such tag.");
                return;
        }
        if (x->n == 2) {
                if (post)
                        tag_rename(x, tag);
                else
                        tag_page(x, tag, NULL, NULL, 200);
        } else if (post && strcmp(x->seg[2], "merge") == 0) {
                tag_merge_or_delete(x, tag, true);
        } else if (post && strcmp(x->seg[2], "delete") == 0) {
                tag_merge_or_delete(x, tag, false);
        } else {
                gz_admin_error(x, 404, "There is no such page in the admin.");
        }
}

/* ---- author profiles ------------------------------------------------------------------ */

struct author_values {
        const char *kind, *name, *slug, *title, *bio, *url;
        int64_t photo;
};

static void
authors_page(struct gz_actx *x)
{
        gz_admin_page(x, "Authors");
        struct gz_author *authors;
        size_t n = 0;
        if (gz_store_authors(x->admin->store, x->a, &authors, &n, NULL) != GZ_OK)
                n = 0;
        struct gz_val *rows = gz_val_list(x->a);
        for (size_t i = 0; i < n; i++) {
                struct gz_val *r = gz_val_obj(x->a);
                gz_obj_set_int(r, "id", authors[i].id);
                gz_obj_set_str(r, "name", authors[i].name);
                gz_obj_set_str(r, "title", authors[i].title);
                gz_obj_set_str(r, "slug", authors[i].slug);
                gz_obj_set_bool(r, "organization", authors[i].kind == GZ_AUTHOR_ORGANIZATION);
                gz_obj_set_int(r, "articles",
                               gz_store_author_article_count(x->admin->store, authors[i].id));
                gz_list_push(rows, r);
        }
        gz_obj_set(x->root, "authors", rows);
        gz_obj_set_bool(x->root, "has_authors", n > 0);
        gz_admin_render(x, "authors", 200);
}

static void
author_page(struct gz_actx *x, const struct gz_author *au, const struct author_values *v,
            const char *error, int status)
{
        gz_admin_page(x, au ? gz_arena_printf(x->a, "Author: %s", au->name) : "New author profile");
        struct gz_val *r = x->root;
        gz_obj_set_str(r, "error", error);
        gz_obj_set_bool(r, "is_new", au == NULL);
        gz_obj_set_int(r, "id", au ? au->id : 0);
        if (au != NULL) {
                gz_obj_set_str(r, "current_name", au->name);
                gz_obj_set_str(r, "current_slug", au->slug);
        }
        gz_obj_set_bool(r, "organization", v->kind && strcmp(v->kind, "organization") == 0);
        gz_obj_set_str(r, "name", v->name);
        gz_obj_set_str(r, "slug", v->slug);
        gz_obj_set_str(r, "author_title", v->title);
        gz_obj_set_str(r, "bio", v->bio);
        gz_obj_set_str(r, "url", v->url);
        gz_obj_set(r, "photo_options", gz_admin_media_options(x, v->photo));
        struct gz_media *photo;
        if (v->photo && gz_store_media_get(x->admin->store, x->a, v->photo, &photo, NULL) == GZ_OK)
                gz_obj_set_html(r, "photo", gz_admin_thumbnail(x, photo, "8rem"));
        if (au != NULL) {
                int64_t articles = gz_store_author_article_count(x->admin->store, au->id);
                gz_obj_set_int(r, "articles", articles);
                gz_obj_set_bool(r, "deletable", articles == 0);
                struct gz_user *users;
                size_t n = 0;
                if (gz_store_users(x->admin->store, x->a, &users, &n, NULL) != GZ_OK)
                        n = 0;
                struct gz_val *linked = gz_val_list(x->a);
                for (size_t i = 0; i < n; i++) {
                        if (users[i].author_id != au->id)
                                continue;
                        struct gz_val *u = gz_val_obj(x->a);
                        gz_obj_set_int(u, "id", users[i].id);
                        gz_obj_set_str(u, "name", users[i].name);
                        gz_obj_set_str(u, "email", users[i].email);
                        gz_list_push(linked, u);
                }
                gz_obj_set(r, "accounts", linked);
                gz_obj_set_bool(r, "has_accounts", linked->u.list.count > 0);
        }
        gz_admin_render(x, "author", status);
}

static bool
url_ok(const char *url)
{
        size_t n = strlen(url);
        if (n == 0)
                return true;
        bool scheme = strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0;
        return scheme && n > 8 && n <= 500 && strpbrk(url, " \t\"'<>\\`") == NULL &&
               gz_url_is_safe(url, n);
}

static void
author_save(struct gz_actx *x, const struct gz_author *old)
{
        struct author_values v = {.kind = gz_admin_field(x, "kind"),
                                  .name = gz_admin_field(x, "name"),
                                  .slug = gz_admin_field(x, "slug"),
                                  .title = gz_admin_field(x, "title"),
                                  .bio = gz_admin_field(x, "bio"),
                                  .url = gz_admin_field(x, "url"),
                                  .photo = gz_admin_id(gz_admin_form(x, "photo"))};
        struct gz_error err = {0};
        int kind =
            v.kind ? gz_enum_lookup(gz_author_kind_names, GZ_AUTHOR__MAX, v.kind) : GZ_AUTHOR__MAX;
        const char *slug = v.slug && *v.slug ? v.slug : gz_slugify(x->a, v.name ? v.name : "", 80);
        struct gz_media *photo;
        const char *message = NULL;
        if (kind == GZ_AUTHOR__MAX)
                message = "kind: a person or an organization";
        else if (!gz_admin_text_ok("name", v.name, 200, false, true, &err) ||
                 !gz_admin_text_ok("title", v.title, 200, false, false, &err) ||
                 !gz_admin_text_ok("bio", v.bio, 5000, true, false, &err) ||
                 !gz_admin_text_ok("web address", v.url, 500, false, false, &err))
                message = err.msg;
        else if (!gz_slug_valid(slug))
                message = "address: lowercase letters, digits and single hyphens, such as "
                          "maria-lind";
        else if (!url_ok(v.url ? v.url : ""))
                message = "web address: an http:// or https:// address, such as "
                          "https://example.org/about";
        else if (v.photo &&
                 gz_store_media_get(x->admin->store, x->a, v.photo, &photo, NULL) != GZ_OK)
                message = "photo or logo: no such image in the library";
        if (message != NULL) {
                author_page(x, old, &v, message, 422);
                return;
        }
        struct gz_author au = {.id = old ? old->id : 0,
                               .kind = (enum gz_author_kind)kind,
                               .slug = slug,
                               .name = v.name,
                               .title = v.title ? v.title : "",
                               .bio = v.bio ? v.bio : "",
                               .url = v.url ? v.url : "",
                               .photo_media_id = v.photo};
        enum gz_err e = gz_store_tx_begin(x->admin->store, &err);
        if (e == GZ_OK)
                e = gz_store_author_save(x->admin->store, &au, &err);
        if (e == GZ_OK && old && strcmp(old->name, au.name) != 0)
                e = gz_store_author_reindex(x->admin->store, au.id, &err);
        if (e == GZ_OK && old && strcmp(old->slug, au.slug) != 0)
                e = record_move(x, gz_arena_printf(x->a, "author/%s", old->slug),
                                gz_arena_printf(x->a, "author/%s", au.slug), &err);
        if (e == GZ_OK)
                gz_store_audit(x->admin->store, x->user->id, x->req->client_ip,
                               old ? "author-change" : "author-create",
                               gz_arena_printf(x->a, "author:%lld", (long long)au.id), au.name);
        if (e == GZ_OK)
                e = gz_store_tx_commit(x->admin->store, &err);
        else
                gz_store_tx_rollback(x->admin->store);
        if (e != GZ_OK) {
                if (e == GZ_ECONFLICT)
                        gz_fail(&err, e, "address: another author has /author/%s/", slug);
                author_page(x, old, &v, err.msg, gz_admin_status(e));
                return;
        }
        /* Bylines on cards and article pages record "author:<id>". */
        gz_admin_changed(x, GZ_CHANGE_AUTHOR, au.id);
        gz_admin_redirect(x, gz_arena_printf(x->a, "authors/%lld?done=%s", (long long)au.id,
                                             old ? "saved" : "created"));
}

static void
author_delete(struct gz_actx *x, const struct gz_author *au)
{
        struct gz_error err = {0};
        enum gz_err e = gz_store_author_delete(x->admin->store, au->id, &err);
        if (e != GZ_OK) {
                struct author_values v = {.kind = gz_author_kind_names[au->kind],
                                          .name = au->name,
                                          .slug = au->slug,
                                          .title = au->title,
                                          .bio = au->bio,
                                          .url = au->url,
                                          .photo = au->photo_media_id};
                author_page(x, au, &v, gz_arena_printf(x->a, "Not deleted: %s.", err.msg),
                            gz_admin_status(e));
                return;
        }
        gz_store_audit(x->admin->store, x->user->id, x->req->client_ip, "author-delete",
                       gz_arena_printf(x->a, "author:%lld", (long long)au->id), au->name);
        gz_admin_changed(x, GZ_CHANGE_AUTHOR, au->id);
        gz_admin_redirect(x, "authors?done=deleted");
}

void
gz_admin_authors(struct gz_actx *x)
{
        if (!may_edit_taxonomy(x))
                return;
        bool post = x->req->method == GZ_POST;
        if (x->n == 1 && !post) {
                authors_page(x);
                return;
        }
        if (x->n == 2 && strcmp(x->seg[1], "new") == 0) {
                if (post) {
                        author_save(x, NULL);
                } else {
                        struct author_values v = {.kind = "person"};
                        author_page(x, NULL, &v, NULL, 200);
                }
                return;
        }
        int64_t id = x->n >= 2 ? gz_admin_id(x->seg[1]) : 0;
        struct gz_author *au;
        if (x->n > 3 || id == 0 ||
            gz_store_author_get(x->admin->store, x->a, id, NULL, &au, NULL) != GZ_OK) {
                gz_admin_error(x, 404, "There is no such author profile.");
                return;
        }
        if (x->n == 2) {
                if (post) {
                        author_save(x, au);
                } else {
                        struct author_values v = {.kind = gz_author_kind_names[au->kind],
                                                  .name = au->name,
                                                  .slug = au->slug,
                                                  .title = au->title,
                                                  .bio = au->bio,
                                                  .url = au->url,
                                                  .photo = au->photo_media_id};
                        author_page(x, au, &v, NULL, 200);
                }
        } else if (post && strcmp(x->seg[2], "delete") == 0) {
                author_delete(x, au);
        } else {
                gz_admin_error(x, 404, "There is no such page in the admin.");
        }
}
