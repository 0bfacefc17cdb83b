/* A library image's texts changed: the bodies that show it are rendered
 * again, since a body is rendered once, at save, with the figure's alt
 * text, caption and credit written into its HTML. */
#include "content.h"

enum gz_err
gz_content_media_refresh(struct gz_content *c, int64_t media_id, size_t *refreshed,
                         struct gz_error *err)
{
        struct gz_arena *a = gz_arena_new(64 * 1024);
        struct gz_store *s = c->store;
        struct gz_article_ref *refs = NULL;
        int64_t *ids = NULL;
        size_t n = 0;
        /* The list is read inside the transaction, so an article saved with
         * the image meanwhile is either already rendered with the new texts
         * or in the list. */
        enum gz_err e = gz_store_tx_begin(s, err);
        if (e != GZ_OK)
                goto out;
        e = gz_store_media_articles(s, a, media_id, false, &ids, &n, err);
        if (e == GZ_OK)
                refs = GZ_NEW_ARRAY(a, struct gz_article_ref, n + 1);
        for (size_t i = 0; e == GZ_OK && i < n; i++) {
                struct gz_article *ar;
                e = gz_store_article_get(s, a, ids[i], NULL, NULL, &ar, err);
                const char *html = NULL, *text = NULL;
                if (e == GZ_OK)
                        e = gz_content_render_body(c, a, ar->body_md, &html, &text, NULL, err);
                if (e != GZ_OK)
                        break;
                const char *summary =
                    ar->excerpt && *ar->excerpt ? ar->excerpt : gz_content_excerpt(a, text, 240);
                e = gz_store_article_set_body_html(s, ar->id, html, summary, err);
                gz_content_article_ref(&refs[i], ar, a);
        }
        if (e == GZ_OK)
                e = gz_store_tx_commit(s, err);
        else
                gz_store_tx_rollback(s);
        if (e != GZ_OK)
                goto out;
        if (refreshed != NULL)
                *refreshed = n;
        if (c->on_change != NULL) {
                /* Same lists before and after: only the article pages (and
                 * search results) showing them are dropped. */
                for (size_t i = 0; i < n; i++) {
                        struct gz_change change = {.kind = GZ_CHANGE_ARTICLE,
                                                   .id = ids[i],
                                                   .before = refs[i],
                                                   .after = refs[i]};
                        c->on_change(c->change_ctx, &change);
                }
                struct gz_change media = {.kind = GZ_CHANGE_MEDIA, .id = media_id};
                c->on_change(c->change_ctx, &media);
        }
out:
        gz_arena_free(a);
        return e;
}
