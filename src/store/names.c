/* String tables for the store's enums, shared by every backend. */
#include <string.h>

#include "store.h"

const char *const gz_article_kind_names[GZ_KIND__MAX] = {
    [GZ_KIND_NEWS] = "news",
    [GZ_KIND_STATEMENT] = "statement",
    [GZ_KIND_OPINION] = "opinion",
    [GZ_KIND_PAGE] = "page",
};

const char *const gz_article_status_names[GZ_STATUS__MAX] = {
    [GZ_STATUS_DRAFT] = "draft",
    [GZ_STATUS_REVIEW] = "review",
    [GZ_STATUS_SCHEDULED] = "scheduled",
    [GZ_STATUS_PUBLISHED] = "published",
    [GZ_STATUS_UNPUBLISHED] = "unpublished",
};

const char *const gz_author_kind_names[GZ_AUTHOR__MAX] = {
    [GZ_AUTHOR_PERSON] = "person",
    [GZ_AUTHOR_ORGANIZATION] = "organization",
};

const char *const gz_role_names[GZ_ROLE__MAX] = {
    [GZ_ROLE_CONTRIBUTOR] = "contributor",
    [GZ_ROLE_AUTHOR] = "author",
    [GZ_ROLE_EDITOR] = "editor",
    [GZ_ROLE_ADMIN] = "admin",
};

int
gz_enum_lookup(const char *const *names, int count, const char *name)
{
        if (name != NULL)
                for (int i = 0; i < count; i++)
                        if (names[i] != NULL && strcmp(names[i], name) == 0)
                                return i;
        return count;
}
