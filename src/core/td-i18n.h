/* td-i18n.h — binding the translation catalogues */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Binds the text domain to the installed catalogues, or — when Training Desk runs
 * from its build tree and nothing is installed — to the build tree's, so the
 * quick-start demo speaks the user's language too. Call once from main(). */
void td_i18n_init (void);

G_END_DECLS
