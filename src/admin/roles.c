/* Who may do what: the roles table of the newsroom, enforced by the server
 * on every request (the interface only hides what the server refuses). */
#include "admin_internal.h"

/* Rows: contributor, author, editor, admin. */
static const bool table[GZ_ROLE__MAX][GZ_PERMISSION__MAX] = {
    [GZ_ROLE_CONTRIBUTOR] = {[GZ_CAN_WRITE] = true},
    [GZ_ROLE_AUTHOR] = {[GZ_CAN_WRITE] = true, [GZ_CAN_PUBLISH_OWN] = true, [GZ_CAN_UPLOAD] = true},
    [GZ_ROLE_EDITOR] = {[GZ_CAN_WRITE] = true,
                        [GZ_CAN_PUBLISH_OWN] = true,
                        [GZ_CAN_EDIT_ANY] = true,
                        [GZ_CAN_UPLOAD] = true,
                        [GZ_CAN_TAXONOMY] = true},
    [GZ_ROLE_ADMIN] = {[GZ_CAN_WRITE] = true,
                       [GZ_CAN_PUBLISH_OWN] = true,
                       [GZ_CAN_EDIT_ANY] = true,
                       [GZ_CAN_UPLOAD] = true,
                       [GZ_CAN_TAXONOMY] = true,
                       [GZ_CAN_ADMINISTER] = true},
};

bool
gz_role_can(enum gz_role role, enum gz_permission p)
{
        if ((unsigned)role >= GZ_ROLE__MAX || (unsigned)p >= GZ_PERMISSION__MAX)
                return false;
        return table[role][p];
}

static bool
own(const struct gz_user *u, const struct gz_article *ar)
{
        return ar->id == 0 || ar->created_by == u->id;
}

bool
gz_may_edit(const struct gz_user *u, const struct gz_article *ar)
{
        if (u == NULL || u->disabled)
                return false;
        if (gz_role_can(u->role, GZ_CAN_EDIT_ANY))
                return true;
        if (!own(u, ar))
                return false;
        /* A contributor's own work is theirs until it goes live. */
        if (!gz_role_can(u->role, GZ_CAN_PUBLISH_OWN))
                return ar->status == GZ_STATUS_DRAFT || ar->status == GZ_STATUS_REVIEW ||
                       ar->status == GZ_STATUS_UNPUBLISHED;
        return gz_role_can(u->role, GZ_CAN_WRITE);
}

bool
gz_may_act(const struct gz_user *u, const struct gz_article *ar, enum gz_article_action action)
{
        if (!gz_may_edit(u, ar))
                return false;
        switch (action) {
        case GZ_ACTION_SAVE:
        case GZ_ACTION_SUBMIT:
                return gz_role_can(u->role, GZ_CAN_WRITE);
        case GZ_ACTION_PUBLISH:
        case GZ_ACTION_SCHEDULE:
        case GZ_ACTION_UNPUBLISH:
                return gz_role_can(u->role, GZ_CAN_EDIT_ANY) ||
                       (own(u, ar) && gz_role_can(u->role, GZ_CAN_PUBLISH_OWN));
        default:
                return false;
        }
}
