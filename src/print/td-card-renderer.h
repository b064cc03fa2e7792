/* td-card-renderer.h — the certificate card of 附表十 (格式十一) as PDF.
 *
 * A card is 85 × 55 mm. The front carries 證字號, 補次, 姓名, 出生日期, 身分證統一編號 (in
 * full: the form asks for it), 訓練單位, 訓練種類, 訓練日期, 發證日期, 主管機關備查文號, a
 * 26 × 30 mm photo box and the certificate's QR code; the back the in-service training
 * record table (年度, 訓練名稱(時數), 訓練單位, 章戳).
 *
 * Layouts: one card side per 85 × 55 mm page (front, back, front, back, …), or imposed
 * eight to an A4 sheet with crop marks, each sheet of fronts followed by its sheet of
 * backs mirrored for long-edge duplex. Printer calibration: the centre settings
 * "print-offset-x-mm" and "print-offset-y-mm" shift everything printed.
 */
#pragma once

#include <gio/gio.h>

#include "td-store.h"

G_BEGIN_DECLS

#define TD_CARD_WIDTH_MM 85.0
#define TD_CARD_HEIGHT_MM 55.0
#define TD_CARD_FONT_FAMILY "Noto Sans CJK TC"

/* Printer calibration, centre settings in millimetres (data/settings.json). */
#define TD_SETTING_PRINT_OFFSET_X "print-offset-x-mm"
#define TD_SETTING_PRINT_OFFSET_Y "print-offset-y-mm"

typedef enum {
  TD_CARD_LAYOUT_CARD,   /* one side per 85 × 55 mm page */
  TD_CARD_LAYOUT_A4,     /* 2 × 4 per A4 sheet, crop marks, duplex-aligned backs */
} TdCardLayout;

gboolean td_card_layout_from_string (const char *text, TdCardLayout *out);

/* One row of the back's in-service record table. */
typedef struct {
  int roc_year;
  char *title;
  int minutes;
  char *unit;
} TdCardRecord;

/* Everything printed on one card, resolved to text. */
typedef struct {
  char *number;
  int reissue_count;
  char *name;
  char *birth_date;      /* ISO, printed in the ROC calendar */
  char *national_id;     /* printed in full, as 附表十 asks */
  char *unit_title;
  char *category;        /* 訓練種類 */
  char *start_date;      /* ISO */
  char *end_date;
  char *issued_on;
  char *filing_ref;      /* 主管機關備查文號 */
  GBytes *photo;         /* PNG or JPEG, or NULL */
  char *code;            /* QR content */
  GPtrArray *records;    /* TdCardRecord* */
} TdCard;

TdCard  *td_card_new (void);
void     td_card_free (TdCard *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCard, td_card_free)

typedef struct {
  TdCardLayout layout;
  double offset_x_mm;    /* printer calibration; positive moves right */
  double offset_y_mm;    /* positive moves down */
} TdCardOptions;

/* TD_ERROR_INVALID, naming the font, when @family cannot print Traditional Chinese
 * (fontconfig would substitute a font without the characters, printing empty boxes). */
gboolean   td_card_check_font (const char *family, GError **error);

/* Renders @cards (TdCard*) into a PDF in memory. */
GBytes    *td_card_render_pdf (GPtrArray *cards, const TdCardOptions *options, GError **error);

/* The cards of the course's valid certificates, in roster order, from the store. */
GPtrArray *td_card_collect_course (TdStore *store, gint64 course_id, GError **error);

/* Collects, renders with the centre's print offsets and writes @file. TD_ERROR_NOT_FOUND
 * when the course has no valid certificate to print. */
gboolean   td_card_render_course (TdStore *store, gint64 course_id, TdCardLayout layout,
                                  GFile *file, GError **error);

/* What a big batch is busy with: reading each card's data, then drawing each card. */
typedef enum {
  TD_CARD_STAGE_COLLECTING,
  TD_CARD_STAGE_DRAWING,
} TdCardStage;

/* Called after each card of a stage, in the rendering thread; @done of @total cards. */
typedef void (*TdCardProgressFunc) (TdCardStage stage, guint done, guint total,
                                    gpointer user_data);

/* td_card_render_course() for a batch run in a worker thread: @progress (optional) hears
 * of every card, and @cancellable (optional) stops it between cards with
 * G_IO_ERROR_CANCELLED, @file left untouched. */
gboolean   td_card_render_course_full (TdStore *store, gint64 course_id, TdCardLayout layout,
                                       GFile *file, TdCardProgressFunc progress,
                                       gpointer progress_data, GCancellable *cancellable,
                                       GError **error);

G_END_DECLS
