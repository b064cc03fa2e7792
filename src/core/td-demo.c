/* td-demo.c — a realistic sample training centre (`tdesk init --demo`).
 *
 * Everything comes from a GRand with a fixed seed, so one @today always gives the same
 * centre: screenshots, bug reports and tests can rely on it. The data goes through the
 * store's public API, so it meets every validation a real centre's data meets.
 */
#include "config.h"

#define G_LOG_DOMAIN "td-demo"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "td-attendance-desk.h"
#include "td-demo.h"
#include "td-national-id.h"
#include "td-roc-date.h"
#include "td-scan.h"
#include "td-store-qualifications.h"

#define DEMO_SEED 20240506u

/* Who a course is for decides names, employers and education of its trainees. */
typedef enum {
  AUDIENCE_INDUSTRY,
  AUDIENCE_WAREHOUSE,    /* forklift: some migrant workers with resident certificates */
  AUDIENCE_DOCTOR,
  AUDIENCE_NURSE,
  AUDIENCE_VR,           /* vocational-rehabilitation professionals */
  AUDIENCE_PUBLIC,       /* civil servants collecting learning hours */
} Audience;

typedef struct {
  const char *subject;
  TdSessionMode mode;
  int hours;
} Subject;

typedef struct {
  TdRegime regime;
  const char *category;
  TdCourseKind kind;
  const char *title;
  int start_offset;          /* days from today */
  int period_number;
  int size;                  /* trainees on the roster */
  int fee;
  TdExamMode exam_mode;
  gboolean remote_venue;
  Audience audience;
  char area;                 /* which lecturers teach it (see lecturer_specs) */
  const Subject *subjects;   /* terminated by a NULL subject */
} CourseSpec;

typedef struct {
  const char *name;
  gboolean female;
  const char *education;
  const char *post;
  const char *experience;
  const char *qualifications;
  const char *areas;
} LecturerSpec;

typedef struct {
  TdStore *store;
  GRand *rand;
  const char *today;
  GHashTable *used_ids;      /* national IDs handed out so far */
  GPtrArray *lecturers;      /* TdLecturer*, stored */
  GPtrArray *areas;          /* const char*, parallel to lecturers */
  GPtrArray *people;         /* TdTrainee*, everyone enrolled so far */
  GArray *course_ids;        /* gint64, parallel to course_specs */
} Demo;

/* --- the centre's material ------------------------------------------------- */

static const Subject first_aid_subjects[] = {
  { "急救概論及相關法規", TD_SESSION_MODE_THEORY, 2 },
  { "傷患檢視與生命徵象評估", TD_SESSION_MODE_THEORY, 3 },
  { "創傷止血、包紮與骨折固定", TD_SESSION_MODE_THEORY, 3 },
  { "心肺復甦術(CPR)與自動體外心臟電擊去顫器(AED)", TD_SESSION_MODE_THEORY, 2 },
  { "灼燙傷、中毒與環境急症處理", TD_SESSION_MODE_THEORY, 2 },
  { "CPR與AED操作實作", TD_SESSION_MODE_PRACTICAL, 3 },
  { "包紮、固定與傷患搬運實作", TD_SESSION_MODE_PRACTICAL, 3 },
  { NULL },
};

static const Subject general_safety_subjects[] = {
  { "職業安全衛生法規概要", TD_SESSION_MODE_THEORY, 1 },
  { "作業場所危害認識與預防", TD_SESSION_MODE_THEORY, 1 },
  { "緊急應變、事故通報與急救常識", TD_SESSION_MODE_THEORY, 1 },
  { NULL },
};

static const Subject forklift_subjects[] = {
  { "堆高機相關法規", TD_SESSION_MODE_THEORY, 2 },
  { "堆高機種類、構造及原理", TD_SESSION_MODE_THEORY, 3 },
  { "荷重計算與重心穩定", TD_SESSION_MODE_THEORY, 2 },
  { "堆高機安全作業及自動檢查", TD_SESSION_MODE_THEORY, 3 },
  { "堆高機操作實習(行駛與轉向)", TD_SESSION_MODE_PRACTICAL, 4 },
  { "堆高機操作實習(裝卸與堆疊)", TD_SESSION_MODE_PRACTICAL, 4 },
  { NULL },
};

/* The health courses follow the subjects of 附表二 and 附表三 (as in the catalogue). */
static const Subject doctor_subjects[] = {
  { "職業衛生及健康檢查相關法規", TD_SESSION_MODE_THEORY, 2 },
  { "台灣職業病鑑定及補償簡介", TD_SESSION_MODE_THEORY, 2 },
  { "醫療相關法規", TD_SESSION_MODE_THEORY, 2 },
  { "勞工健檢及健檢品質管控概論", TD_SESSION_MODE_THEORY, 2 },
  { "噪音作業及聽力檢查", TD_SESSION_MODE_THEORY, 2 },
  { "特別危害健康作業健康檢查指引及管理分級簡介", TD_SESSION_MODE_THEORY, 2 },
  { "職業性腎臟危害及腎臟功能判讀", TD_SESSION_MODE_THEORY, 2 },
  { "重金屬作業健康危害與其身體檢查及生物偵測", TD_SESSION_MODE_THEORY, 2 },
  { "職業性血液、造血系統危害及血液常規檢查(CBC)結果判讀", TD_SESSION_MODE_THEORY, 2 },
  { "職業性肝危害及肝功能判讀", TD_SESSION_MODE_THEORY, 2 },
  { "職業性神經系統危害及神經身體檢查", TD_SESSION_MODE_THEORY, 2 },
  { "塵肺症及職業性肺部疾病", TD_SESSION_MODE_THEORY, 2 },
  { "職業性皮膚疾病及皮膚身體檢查", TD_SESSION_MODE_THEORY, 2 },
  { "從事勞工健康服務之醫師的角色及功能簡介", TD_SESSION_MODE_THEORY, 2 },
  { "職場健康管理及指導(含母性及中高齡健康保護)", TD_SESSION_MODE_THEORY, 2 },
  { "職業健康服務實務案例分享(含健康服務紀錄實例)", TD_SESSION_MODE_THEORY, 2 },
  { "職場常見非職業性疾病之健康管理-代謝症候群、心血管疾病及肝功能概論",
    TD_SESSION_MODE_THEORY, 2 },
  { "選配工、復工與失能管理概論及介紹", TD_SESSION_MODE_THEORY, 2 },
  { "事業單位之預防醫學及疫情管理", TD_SESSION_MODE_THEORY, 2 },
  { "肌肉骨骼系統傷病及人因工程", TD_SESSION_MODE_THEORY, 2 },
  { "職場心理健康評估", TD_SESSION_MODE_THEORY, 2 },
  { "健康風險評估概論", TD_SESSION_MODE_THEORY, 2 },
  { "各種常見製造程序之健康危害簡介", TD_SESSION_MODE_THEORY, 2 },
  { "工廠訪視及工業衛生概論", TD_SESSION_MODE_THEORY, 2 },
  { "職業醫學概論", TD_SESSION_MODE_THEORY, 2 },
  { "臨場服務實習", TD_SESSION_MODE_PRACTICUM, 4 },
  { NULL },
};

static const Subject nurse_subjects[] = {
  { "勞工健康保護相關法規", TD_SESSION_MODE_THEORY, 2 },
  { "職業傷病補償相關法規", TD_SESSION_MODE_THEORY, 2 },
  { "職業安全衛生概論", TD_SESSION_MODE_THEORY, 2 },
  { "工作現場巡查訪視", TD_SESSION_MODE_THEORY, 2 },
  { "工作場所毒性傷害概論", TD_SESSION_MODE_THEORY, 2 },
  { "職業傷病概論", TD_SESSION_MODE_THEORY, 2 },
  { "職業傷病預防策略", TD_SESSION_MODE_THEORY, 2 },
  { "勞工選工、配工及復工概論", TD_SESSION_MODE_THEORY, 2 },
  { "人因性危害預防概論", TD_SESSION_MODE_THEORY, 2 },
  { "職場心理衛生", TD_SESSION_MODE_THEORY, 2 },
  { "勞工健康服務工作", TD_SESSION_MODE_THEORY, 2 },
  { "健康監測及健檢資料之分析運用", TD_SESSION_MODE_THEORY, 2 },
  { "職場健康危機事件處理", TD_SESSION_MODE_THEORY, 2 },
  { "職場健康管理 (含實作4小時)", TD_SESSION_MODE_THEORY, 2 },
  { "職場健康管理 (含實作4小時)", TD_SESSION_MODE_PRACTICUM, 4 },
  { "職場健康促進及衛生教育(含實作3小時)", TD_SESSION_MODE_THEORY, 2 },
  { "職場健康促進及衛生教育(含實作3小時)", TD_SESSION_MODE_PRACTICUM, 3 },
  { "勞工健康服務計畫品質管理及稽核", TD_SESSION_MODE_THEORY, 2 },
  { NULL },
};

static const Subject vr_subjects[] = {
  { "身心障礙者支持性就業服務實務", TD_SESSION_MODE_THEORY, 3 },
  { "職業重建專業倫理與個案隱私", TD_SESSION_MODE_THEORY, 3 },
  { NULL },
};

static const Subject hours_subjects[] = {
  { "職場節能減碳與淨零轉型", TD_SESSION_MODE_THEORY, 2 },
  { NULL },
};

static const Subject solvent_subjects[] = {
  { "有機溶劑中毒預防規則", TD_SESSION_MODE_THEORY, 3 },
  { "有機溶劑之主要用途及毒性", TD_SESSION_MODE_THEORY, 3 },
  { "作業環境改善及局部排氣裝置", TD_SESSION_MODE_THEORY, 3 },
  { "呼吸防護具之選用與維護", TD_SESSION_MODE_THEORY, 3 },
  { "作業環境監測及健康管理", TD_SESSION_MODE_THEORY, 3 },
  { "緊急應變與急救", TD_SESSION_MODE_THEORY, 3 },
  { NULL },
};

static const CourseSpec course_specs[] = {
  { TD_REGIME_OSH, "first-aid", TD_COURSE_KIND_PROFESSIONAL, "急救人員安全衛生教育訓練",
    -70, 5, 40, 3500, TD_EXAM_MODE_OWN, FALSE, AUDIENCE_INDUSTRY, 'a', first_aid_subjects },
  { TD_REGIME_OSH, "forklift", TD_COURSE_KIND_PROFESSIONAL, "堆高機操作人員安全衛生教育訓練",
    -45, 3, 25, 5800, TD_EXAM_MODE_OWN, TRUE, AUDIENCE_WAREHOUSE, 'f', forklift_subjects },
  { TD_REGIME_OSH, "general-safety", TD_COURSE_KIND_PROFESSIONAL,
    "一般安全衛生教育訓練(新進勞工)", -40, 11, 24, 800, TD_EXAM_MODE_NONE, FALSE,
    AUDIENCE_INDUSTRY, 's', general_safety_subjects },
  { TD_REGIME_HEALTH, "health-doctor", TD_COURSE_KIND_PROFESSIONAL,
    "從事勞工健康服務之醫師專業訓練", -30, 2, 30, 12000, TD_EXAM_MODE_OWN, FALSE,
    AUDIENCE_DOCTOR, 'h', doctor_subjects },
  { TD_REGIME_VR_CE, "vr-employment-specialist", TD_COURSE_KIND_CONTINUING,
    "職業重建專業人員繼續教育：支持性就業與專業倫理", -14, 1, 25, 0, TD_EXAM_MODE_NONE, FALSE,
    AUDIENCE_VR, 'v', vr_subjects },
  { TD_REGIME_OSH, "general-safety", TD_COURSE_KIND_PROFESSIONAL,
    "一般安全衛生教育訓練(新進勞工)", -10, 12, 30, 800, TD_EXAM_MODE_NONE, FALSE,
    AUDIENCE_INDUSTRY, 's', general_safety_subjects },
  { TD_REGIME_HOURS, "learning-hours", TD_COURSE_KIND_CONTINUING, "環境教育講座：職場節能減碳",
    -6, 4, 45, 0, TD_EXAM_MODE_NONE, FALSE, AUDIENCE_PUBLIC, 'e', hours_subjects },
  { TD_REGIME_HEALTH, "health-nurse", TD_COURSE_KIND_PROFESSIONAL,
    "從事勞工健康服務之護理人員專業訓練", -2, 3, 40, 9000, TD_EXAM_MODE_OWN, FALSE,
    AUDIENCE_NURSE, 'h', nurse_subjects },
  { TD_REGIME_OSH, "first-aid", TD_COURSE_KIND_PROFESSIONAL, "急救人員安全衛生教育訓練",
    9, 6, 35, 3500, TD_EXAM_MODE_OWN, FALSE, AUDIENCE_INDUSTRY, 'a', first_aid_subjects },
  { TD_REGIME_OSH, "organic-solvent-supervisor", TD_COURSE_KIND_PROFESSIONAL,
    "有機溶劑作業主管安全衛生教育訓練", 20, 2, 30, 4500, TD_EXAM_MODE_OWN, FALSE,
    AUDIENCE_INDUSTRY, 'o', solvent_subjects },
  { TD_REGIME_OSH, "general-safety", TD_COURSE_KIND_PROFESSIONAL,
    "一般安全衛生教育訓練(新進勞工)", 30, 13, 30, 800, TD_EXAM_MODE_NONE, FALSE,
    AUDIENCE_INDUSTRY, 's', general_safety_subjects },
};

static const LecturerSpec lecturer_specs[] = {
  { "林怡君", TRUE, "國立陽明大學護理學系碩士", "中部某醫學中心急診護理長",
    "急診護理二十年；急救訓練講師十二年", "急救人員訓練講師：護理師", "ah" },
  { "陳建宏", FALSE, "中央警察大學消防學系", "臺中市政府消防局救護隊小隊長",
    "高級救護技術員(EMT-P)十五年", "急救人員訓練講師：高級救護技術員", "a" },
  { "黃志偉", FALSE, "國立勤益科技大學機械工程系", "物流公司倉儲課長",
    "堆高機操作及教學十二年", "堆高機操作技術士；相關實務經驗五年以上", "f" },
  { "張文彬", FALSE, "國立雲林科技大學環境與安全衛生工程系碩士", "職業安全管理師",
    "製造業安全衛生管理十八年", "職業安全管理師；相關實務經驗五年以上", "sfo" },
  { "李淑芬", TRUE, "國立臺灣大學職業醫學與工業衛生研究所碩士", "職業衛生管理師",
    "作業環境監測及工業衛生顧問十年", "職業衛生管理師；甲級物理性因子作業環境監測人員",
    "so" },
  { "王俊傑", FALSE, "國立成功大學醫學系", "職業醫學科專科醫師",
    "臨場健康服務十年；職業病門診主治醫師", "職業醫學科專科醫師", "h" },
  { "吳佩珊", TRUE, "高雄醫學大學護理學系", "勞工健康服務護理師",
    "事業單位勞工健康服務十四年", "護理師；勞工健康服務護理人員訓練合格", "h" },
  { "劉家豪", FALSE, "國立臺灣師範大學復健諮商研究所碩士", "職業重建個案管理督導",
    "職業重建服務十一年", "職業重建個案管理員；督導資歷三年以上", "v" },
  { "蔡美玲", TRUE, "國立彰化師範大學復健諮商研究所碩士", "支持性就業服務督導",
    "身心障礙者就業服務十三年", "就業服務員；督導資歷三年以上", "v" },
  { "楊宗翰", FALSE, "國立中興大學環境工程學系碩士", "環境教育人員",
    "企業節能輔導及環境教育九年", "環境教育人員認證(專業領域)", "e" },
  { "許雅婷", TRUE, "中山醫學大學職業安全衛生學系", "職業安全衛生管理員",
    "電子業安全衛生管理八年", "職業安全衛生管理員；相關實務經驗五年以上", "sa" },
  { "鄭明哲", FALSE, "逢甲大學化學工程學系", "化工廠廠長",
    "有機溶劑作業管理二十年", "有機溶劑作業主管；相關實務經驗五年以上", "of" },
};

static const char *const surnames[] = {
  "陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "洪", "郭",
  "邱", "曾", "廖", "賴", "徐", "周", "葉", "蘇", "莊", "呂", "江", "何", "蕭", "羅", "高",
};

/* Romanised surnames, parallel to surnames[], for e-mail addresses. */
static const char *const surnames_latin[] = {
  "chen", "lin", "huang", "chang", "li", "wang", "wu", "liu", "tsai", "yang", "hsu", "cheng",
  "hsieh", "hung", "kuo", "chiu", "tseng", "liao", "lai", "hsu", "chou", "yeh", "su", "chuang",
  "lu", "chiang", "ho", "hsiao", "lo", "kao",
};

static const char *const male_given[] = {
  "志", "建", "俊", "明", "文", "家", "宗", "承", "冠", "宇", "柏", "彥", "哲", "凱", "偉",
  "豪", "翰", "傑", "廷", "銘", "信", "宏", "誠", "勝", "國", "榮", "正", "昌", "德", "賢",
};

static const char *const female_given[] = {
  "淑", "美", "怡", "雅", "婷", "佩", "欣", "惠", "玲", "君", "芳", "萍", "珊", "琪", "芬",
  "靜", "宜", "慧", "瑜", "筱", "思", "詩", "佳", "涵", "蓉", "秀", "麗", "貞", "娟", "華",
};

/* Migrant workers on resident certificates, as their names appear on the card. */
static const char *const migrant_names[] = {
  "阮文雄", "黎氏香", "陳文德", "范氏蘭", "BUDI SANTOSO", "SITI RAHAYU", "阮氏玉", "NGUYEN VAN AN",
};

typedef struct {
  const char *city;
  const char *district;
  char letter;               /* the ID letter of the household registration */
} Place;

static const Place places[] = {
  { "臺中市", "西屯區", 'B' }, { "臺中市", "北屯區", 'B' }, { "臺中市", "大里區", 'L' },
  { "臺中市", "豐原區", 'L' }, { "臺中市", "太平區", 'L' }, { "彰化縣", "彰化市", 'N' },
  { "彰化縣", "員林市", 'N' }, { "南投縣", "草屯鎮", 'M' }, { "臺北市", "大安區", 'A' },
  { "新北市", "板橋區", 'F' }, { "桃園市", "中壢區", 'H' }, { "臺南市", "永康區", 'D' },
  { "高雄市", "三民區", 'E' }, { "苗栗縣", "竹南鎮", 'K' }, { "雲林縣", "斗六市", 'P' },
};

static const char *const roads[] = {
  "中山路", "中正路", "民生路", "民權路", "文心路", "大墩路", "建國路", "復興路", "成功路",
  "自由路", "三民路", "和平路", "光明路", "中華路", "永福路",
};

static const char *const company_prefixes[] = {
  "瑞峰", "聚鼎", "昇佳", "大永", "恆昌", "鴻運", "益新", "建達", "全興", "久鑫", "協勝", "冠群",
};

static const char *const company_trades[] = {
  "精密機械", "物流", "鋼鐵", "塑膠工業", "電子", "營造", "食品", "化學工業", "紡織", "金屬工業",
};

static const char *const hospitals[] = {
  "仁愛醫院", "博愛醫院", "信義醫院", "安康醫院", "慈心醫院", "德安醫院",
};

static const char *const vr_employers[] = {
  "臺中市政府勞工局職業重建服務窗口", "彰化縣政府勞工處職業重建服務窗口",
  "財團法人向陽身心障礙福利基金會", "社團法人臺中市康復之友協會", "財團法人惠群就業服務基金會",
};

static const char *const public_employers[] = {
  "臺中市政府環境保護局", "臺中市西屯區公所", "彰化縣政府", "南投縣政府環境保護局",
  "臺中市政府教育局", "臺中市立圖書館",
};

static const char *const counsellors[] = { "蔡宛蓉", "周俊良", "葉秀娟" };

#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])

/* --- identities ------------------------------------------------------------- */

static int
letter_value (char c)
{
  static const int values[26] = {
    10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21,
    22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30, 31, 33,
  };
  return values[c - 'A'];
}

/* A checksum-correct ID: @second is 1/2 (national, by sex) or 8/9 (resident
 * certificate, new format). */
static char *
make_id (Demo *demo, char letter, int second)
{
  static const int weights[] = { 1, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

  for (;;)
    {
      int digits[10];
      int sum = 0;
      char *id;

      digits[0] = letter_value (letter) / 10;
      digits[1] = letter_value (letter) % 10;
      digits[2] = second;
      for (int i = 3; i < 10; i++)
        digits[i] = g_rand_int_range (demo->rand, 0, 10);
      for (int i = 0; i < 10; i++)
        sum += digits[i] * weights[i];
      id = g_strdup_printf ("%c%d%d%d%d%d%d%d%d%d", letter, second, digits[3], digits[4],
                            digits[5], digits[6], digits[7], digits[8], digits[9],
                            (10 - sum % 10) % 10);
      if (!g_hash_table_contains (demo->used_ids, id))
        {
          g_hash_table_add (demo->used_ids, g_strdup (id));
          return id;
        }
      g_free (id);
    }
}

static char *
make_address (Demo *demo, const Place *place)
{
  int section = g_rand_int_range (demo->rand, 0, 4);
  int number = g_rand_int_range (demo->rand, 1, 400);
  const char *sections[] = { "", "一段", "二段", "三段" };

  if (g_rand_int_range (demo->rand, 0, 3) == 0)
    return g_strdup_printf ("%s%s%s%s%d巷%d號%d樓", place->city, place->district,
                            PICK (demo, roads), sections[section],
                            g_rand_int_range (demo->rand, 10, 300), number,
                            g_rand_int_range (demo->rand, 2, 12));
  return g_strdup_printf ("%s%s%s%s%d號", place->city, place->district, PICK (demo, roads),
                          sections[section], number);
}

static char *
make_name (Demo *demo, gboolean female, guint *surname_index)
{
  const char *const *given = female ? female_given : male_given;
  guint n_given = female ? G_N_ELEMENTS (female_given) : G_N_ELEMENTS (male_given);

  *surname_index = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (surnames));
  /* About one in twelve Taiwanese given names has a single character. */
  if (g_rand_int_range (demo->rand, 0, 12) == 0)
    return g_strconcat (surnames[*surname_index], given[g_rand_int_range (demo->rand, 0, n_given)],
                        NULL);
  return g_strconcat (surnames[*surname_index], given[g_rand_int_range (demo->rand, 0, n_given)],
                      given[g_rand_int_range (demo->rand, 0, n_given)], NULL);
}

static char *
make_birth_date (Demo *demo, int min_age, int max_age)
{
  int year = atoi (demo->today) - g_rand_int_range (demo->rand, min_age, max_age + 1);

  return g_strdup_printf ("%04d-%02d-%02d", year, g_rand_int_range (demo->rand, 1, 13),
                          g_rand_int_range (demo->rand, 1, 29));
}

/* --- trainees --------------------------------------------------------------- */

static gboolean
audience_is_female (Demo *demo, Audience audience)
{
  switch (audience)
    {
    case AUDIENCE_NURSE:
      return g_rand_int_range (demo->rand, 0, 20) != 0;
    case AUDIENCE_WAREHOUSE:
      return g_rand_int_range (demo->rand, 0, 8) == 0;
    case AUDIENCE_DOCTOR:
      return g_rand_int_range (demo->rand, 0, 3) == 0;
    case AUDIENCE_VR:
    case AUDIENCE_PUBLIC:
      return g_rand_int_range (demo->rand, 0, 3) != 0;
    case AUDIENCE_INDUSTRY:
    default:
      return g_rand_int_range (demo->rand, 0, 3) == 0;
    }
}

static char *
make_employer (Demo *demo, Audience audience)
{
  switch (audience)
    {
    case AUDIENCE_DOCTOR:
    case AUDIENCE_NURSE:
      return g_strconcat (PICK (demo, places).city, PICK (demo, hospitals), NULL);
    case AUDIENCE_VR:
      return g_strdup (PICK (demo, vr_employers));
    case AUDIENCE_PUBLIC:
      return g_strdup (PICK (demo, public_employers));
    case AUDIENCE_INDUSTRY:
    case AUDIENCE_WAREHOUSE:
    default:
      if (g_rand_int_range (demo->rand, 0, 20) == 0)
        return g_strdup ("待業中");
      return g_strdup_printf ("%s%s%s", PICK (demo, company_prefixes), PICK (demo, company_trades),
                              g_rand_boolean (demo->rand) ? "股份有限公司" : "有限公司");
    }
}

static const char *
make_education (Demo *demo, Audience audience)
{
  static const char *const industry[] = { "國中", "高中", "高職", "高職", "專科", "大學", "大學" };
  static const char *const graduate[] = { "大學", "大學", "碩士" };

  switch (audience)
    {
    case AUDIENCE_DOCTOR:
      return g_rand_int_range (demo->rand, 0, 4) == 0 ? "碩士" : "大學";
    case AUDIENCE_NURSE:
    case AUDIENCE_VR:
    case AUDIENCE_PUBLIC:
      return PICK (demo, graduate);
    case AUDIENCE_INDUSTRY:
    case AUDIENCE_WAREHOUSE:
    default:
      return PICK (demo, industry);
    }
}

static char *
make_qualification (Demo *demo, Audience audience)
{
  if (audience == AUDIENCE_DOCTOR)
    return g_strdup_printf ("醫字第%06d號", g_rand_int_range (demo->rand, 10000, 70000));
  if (audience == AUDIENCE_NURSE)
    return g_strdup_printf ("護理師字第%06d號", g_rand_int_range (demo->rand, 50000, 200000));
  return g_strdup ("");
}

/* Foreign-born warehouse staff hold resident certificates (new format, since 2021). */
static void
fill_identity (Demo *demo, TdTrainee *trainee, Audience audience, guint *surname_index)
{
  const Place *place = &places[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (places))];
  gboolean female = audience_is_female (demo, audience);

  if (audience == AUDIENCE_WAREHOUSE && g_rand_int_range (demo->rand, 0, 6) == 0)
    {
      trainee->name = g_strdup (PICK (demo, migrant_names));
      trainee->national_id = make_id (demo, place->letter, female ? 9 : 8);
      trainee->birth_date = make_birth_date (demo, 21, 40);
      *surname_index = 0;
      return;
    }
  trainee->name = make_name (demo, female, surname_index);
  trainee->national_id = make_id (demo, place->letter, female ? 2 : 1);
  trainee->birth_date = make_birth_date (demo, audience == AUDIENCE_DOCTOR ? 30 : 21, 60);
}

static TdTrainee *
make_trainee (Demo *demo, Audience audience)
{
  TdTrainee *trainee = td_trainee_new ();
  const Place *home = &places[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (places))];
  guint surname_index = 0;

  fill_identity (demo, trainee, audience, &surname_index);
  trainee->household_address = make_address (demo, home);
  /* Those who live away from their household registration mostly do so near the centre. */
  trainee->contact_address = g_rand_int_range (demo->rand, 0, 10) < 7
                               ? g_strdup (trainee->household_address)
                               : make_address (demo, &places[0]);
  trainee->phone = g_strdup_printf ("09%02d-%03d-%03d", g_rand_int_range (demo->rand, 10, 90),
                                    g_rand_int_range (demo->rand, 0, 1000),
                                    g_rand_int_range (demo->rand, 0, 1000));
  if (g_rand_int_range (demo->rand, 0, 10) < 6)
    trainee->email = g_strdup_printf ("%s%04d@%s", surnames_latin[surname_index],
                                      g_rand_int_range (demo->rand, 0, 10000),
                                      g_rand_boolean (demo->rand) ? "gmail.com" : "yahoo.com.tw");
  trainee->education = g_strdup (make_education (demo, audience));
  trainee->employer = make_employer (demo, audience);
  trainee->qualification_ref = make_qualification (demo, audience);
  return trainee;
}

/* --- unit and lecturers ---------------------------------------------------- */

static gboolean
save_unit (Demo *demo, GError **error)
{
  g_autoptr (TdUnit) unit = td_unit_new ();

  unit->title = g_strdup ("財團法人臺灣安全衛生教育訓練基金會中區訓練中心");
  unit->address = g_strdup ("臺中市西屯區工業區三十八路168號");
  unit->responsible_person = g_strdup ("陳正雄");
  unit->approval_ref = g_strdup ("勞職授字第1100203456號");
  unit->region = g_strdup ("臺中市、彰化縣、南投縣");
  unit->phone = g_strdup ("04-2350-6688");
  return td_store_save_unit (demo->store, unit, error);
}

static gboolean
save_lecturers (Demo *demo, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (lecturer_specs); i++)
    {
      const LecturerSpec *spec = &lecturer_specs[i];
      g_autoptr (TdLecturer) lecturer = td_lecturer_new ();

      lecturer->name = g_strdup (spec->name);
      lecturer->national_id = make_id (demo, PICK (demo, places).letter, spec->female ? 2 : 1);
      lecturer->phone = g_strdup_printf ("09%02d-%03d-%03d", g_rand_int_range (demo->rand, 10, 90),
                                         g_rand_int_range (demo->rand, 0, 1000),
                                         g_rand_int_range (demo->rand, 0, 1000));
      lecturer->email = g_strdup_printf ("lecturer%02u@example.org.tw", i + 1);
      lecturer->address = make_address (demo, &places[g_rand_int_range (demo->rand, 0, 8)]);
      lecturer->education = g_strdup (spec->education);
      lecturer->post = g_strdup (spec->post);
      lecturer->experience = g_strdup (spec->experience);
      lecturer->qualifications = g_strdup (spec->qualifications);
      if (!td_store_save_lecturer (demo->store, lecturer, error))
        return FALSE;
      g_ptr_array_add (demo->lecturers, g_steal_pointer (&lecturer));
      g_ptr_array_add (demo->areas, (gpointer) spec->areas);
    }
  return TRUE;
}

/* The lecturers who teach @area, in directory order. */
static GPtrArray *
lecturers_for (Demo *demo, char area)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < demo->lecturers->len; i++)
    if (strchr (g_ptr_array_index (demo->areas, i), area) != NULL)
      g_ptr_array_add (found, g_ptr_array_index (demo->lecturers, i));
  return found;
}

/* --- timetable ------------------------------------------------------------- */

static gboolean
is_sunday (const char *iso)
{
  g_autoptr (GDateTime) date = NULL;
  int y = 0, m = 0, d = 0;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return FALSE;
  date = g_date_time_new_utc (y, m, d, 0, 0, 0);
  return date != NULL && g_date_time_get_day_of_week (date) == 7;
}

static char *
next_class_day (const char *iso, int days)
{
  char *day = td_iso_date_add_days (iso, days);

  while (is_sunday (day))
    {
      char *later = td_iso_date_add_days (day, 1);
      g_free (day);
      day = later;
    }
  return day;
}

/* Lays the subjects out from @start: mornings 09:00–12:00, afternoons 13:00–17:00,
 * no Sundays. Returns TdSession* without course ids. */
static GPtrArray *
plan_sessions (const CourseSpec *spec, const char *start, GPtrArray *lecturers)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *day = g_strdup (start);
  int at = 9 * 60;

  for (guint i = 0; spec->subjects[i].subject != NULL; i++)
    {
      const Subject *subject = &spec->subjects[i];
      int length = subject->hours * 60;
      TdSession *session = td_session_new ();

      /* Nothing runs through the lunch break. */
      if (at < 13 * 60 && at + length > 12 * 60)
        at = 13 * 60;
      if (at + length > 17 * 60)
        {
          g_autofree char *next = next_class_day (day, 1);
          g_free (day);
          day = g_steal_pointer (&next);
          at = 9 * 60;
          if (at + length > 12 * 60)
            at = 13 * 60;
        }
      session->date = g_strdup (day);
      session->start_time = td_time_format_minutes (at);
      session->end_time = td_time_format_minutes (at + length);
      session->subject = g_strdup (subject->subject);
      session->mode = subject->mode;
      session->minutes = length;
      session->position = i;
      if (lecturers->len > 0)
        {
          TdLecturer *lecturer = g_ptr_array_index (lecturers, i % lecturers->len);
          session->lecturer_id = lecturer->id;
        }
      g_ptr_array_add (sessions, session);
      at += length;
    }
  return sessions;
}

/* --- courses ---------------------------------------------------------------- */

#define DEMO_PEOPLE 300

/* Status and filing dates follow from where the course lies relative to today. */
static void
set_course_state (Demo *demo, TdCourse *course, const CourseSpec *spec)
{
  int to_end = 0;

  td_iso_date_diff_days (course->end_date, demo->today, &to_end);
  if (spec->start_offset < 25)
    {
      course->filed_on = td_iso_date_add_days (course->start_date, -20);
      course->filing_ref = g_strdup_printf ("勞職授字第%d%07d號", atoi (course->start_date) - 1911,
                                            g_rand_int_range (demo->rand, 200000, 300000));
    }
  if (to_end > 30)
    {
      course->status = TD_COURSE_STATUS_CLOSED;
      course->records_archived_on = td_iso_date_add_days (course->end_date, 7);
      if (spec->exam_mode != TD_EXAM_MODE_NONE)
        course->certificates_issued_on = td_iso_date_add_days (course->end_date, 10);
    }
  else if (to_end > 0)
    course->status = TD_COURSE_STATUS_ENDED;
  else if (spec->start_offset <= 0)
    course->status = TD_COURSE_STATUS_RUNNING;
  else
    course->status = spec->start_offset < 25 ? TD_COURSE_STATUS_FILED : TD_COURSE_STATUS_DRAFT;
}

static TdCourse *
make_course (Demo *demo, const CourseSpec *spec, GPtrArray *sessions)
{
  TdCourse *course = td_course_new ();
  TdSession *first = g_ptr_array_index (sessions, 0);
  TdSession *last = g_ptr_array_index (sessions, sessions->len - 1);

  course->regime = spec->regime;
  course->category = g_strdup (spec->category);
  course->kind = spec->kind;
  course->title = g_strdup (spec->title);
  course->start_date = g_strdup (first->date);
  course->end_date = g_strdup (last->date);
  course->period = g_strdup_printf ("%d-%02d", atoi (first->date) - 1911, spec->period_number);
  course->venue_name = g_strdup (spec->remote_venue ? "大肚工業區堆高機訓練場" : "本中心訓練大樓");
  course->venue_address = g_strdup (spec->remote_venue ? "臺中市大肚區沙田路一段520號"
                                                       : "臺中市西屯區工業區三十八路168號");
  course->classroom = g_strdup_printf ("第%d教室", g_rand_int_range (demo->rand, 1, 4));
  course->counsellor_name = g_strdup (PICK (demo, counsellors));
  course->counsellor_qualified = TRUE;
  course->materials = g_strdup ("本中心依訓練課程編印之講義");
  course->capacity = ((spec->size + 10) / 10) * 10;
  course->fee = spec->fee;
  course->exam_mode = spec->exam_mode;
  set_course_state (demo, course, spec);
  return course;
}

/* Sick leave comes with a doctor's certificate (附表十三 備註三); personal leave often
 * with a note from the employer. */
static gboolean
record_leave (Demo *demo, TdSession *session, TdTrainee *trainee, GError **error)
{
  gboolean sick = g_rand_boolean (demo->rand);
  g_autofree char *proof = NULL;
  g_autofree char *day = td_roc_date_format (session->date, TD_ROC_FORMAT_SLASH);

  if (sick)
    proof = g_strdup_printf ("診斷證明書(%s%s，%s)", PICK (demo, places).city,
                             PICK (demo, hospitals), day);
  else if (g_rand_boolean (demo->rand))
    proof = g_strdup_printf ("服務單位出具之請假證明(%s)", day);
  return td_store_record_leave (demo->store, session->id, trainee->id, sick ? "sick" : "personal",
                                session->minutes, proof, error);
}

/* Most trainees sign in on time; some are late, a few take leave or are absent, and
 * a few have no record at all (which counts as truancy). @present: whether they
 * attended, for the counsellor's roll call. */
static gboolean
record_attendance (Demo *demo, TdSession *session, TdTrainee *trainee, gboolean *present,
                   GError **error)
{
  int roll = g_rand_int_range (demo->rand, 0, 100);
  int start = td_time_parse_minutes (session->start_time);
  int end = td_time_parse_minutes (session->end_time);
  g_autoptr (TdAttendance) attendance = NULL;

  *present = roll < 94;
  if (roll >= 99)
    return TRUE;
  if (roll >= 94 && roll < 97)
    return record_leave (demo, session, trainee, error);
  attendance = td_attendance_new (session->id, trainee->id, TD_ATTENDANCE_PRESENT);
  attendance->source = roll % 3 != 0 ? TD_ATTENDANCE_SOURCE_SCAN : TD_ATTENDANCE_SOURCE_DESK;
  if (roll < 94)
    {
      int in = roll < 86 ? start - g_rand_int_range (demo->rand, 0, 16)
                         : start + g_rand_int_range (demo->rand, 3, 26);
      attendance->in_time = td_time_format_minutes (in);
      attendance->out_time = td_time_format_minutes (end + g_rand_int_range (demo->rand, 0, 6));
    }
  else
    {
      attendance->status = TD_ATTENDANCE_ABSENT;
      attendance->source = TD_ATTENDANCE_SOURCE_DESK;
    }
  return td_store_record_attendance (demo->store, attendance, error);
}

/* The next person for a roster: new people until the centre has DEMO_PEOPLE, then
 * earlier trainees coming back for another course. */
static TdTrainee *
next_person (Demo *demo, Audience audience, guint *reused)
{
  if (demo->people->len < DEMO_PEOPLE)
    {
      g_ptr_array_add (demo->people, make_trainee (demo, audience));
      return g_ptr_array_index (demo->people, demo->people->len - 1);
    }
  return g_ptr_array_index (demo->people, (*reused)++ % demo->people->len);
}

static gboolean
finish_trainee (Demo *demo, TdCourse *course, TdEnrolment *enrolment, GError **error)
{
  double score;

  if (course->exam_mode == TD_EXAM_MODE_NONE
      || (course->status != TD_COURSE_STATUS_ENDED && course->status != TD_COURSE_STATUS_CLOSED))
    return TRUE;
  score = g_rand_int_range (demo->rand, 0, 20) == 0 ? g_rand_int_range (demo->rand, 40, 60)
                                                    : g_rand_int_range (demo->rand, 60, 99);
  if (!td_store_record_score (demo->store, course->id, enrolment->trainee->id, score, error))
    return FALSE;
  if (course->status != TD_COURSE_STATUS_CLOSED)
    return TRUE;
  return td_store_set_enrolment_status (demo->store, enrolment->id,
                                        score >= 60 ? TD_ENROLMENT_PASSED : TD_ENROLMENT_FAILED,
                                        error);
}

/* Fills the roster and the attendance of the sessions before today; @present counts,
 * per session, the trainees who attended. */
static gboolean
fill_roster (Demo *demo, TdCourse *course, const CourseSpec *spec, GPtrArray *sessions,
             int *present, guint *reused, GError **error)
{
  for (int n = 0; n < spec->size; n++)
    {
      TdTrainee *person = next_person (demo, spec->audience, reused);
      g_autoptr (TdEnrolment) enrolment = NULL;

      if (!td_store_enrol (demo->store, course->id, person, NULL, &enrolment, error))
        return FALSE;
      for (guint i = 0; i < sessions->len; i++)
        {
          TdSession *session = g_ptr_array_index (sessions, i);
          gboolean attended = FALSE;

          if (strcmp (session->date, demo->today) >= 0)
            continue;
          if (!record_attendance (demo, session, person, &attended, error))
            return FALSE;
          present[i] += attended;
        }
      if (!finish_trainee (demo, course, enrolment, error))
        return FALSE;
    }
  return TRUE;
}

/* The counsellor calls the roll once a day, some 20–45 minutes into the first period
 * (附表十三 備註四), in the courses whose rules ask for it. At the remote forklift yard
 * the roll was once called too early, which the checks report. */
static gboolean
record_rollcalls (Demo *demo, TdCourse *course, const CourseSpec *spec, GPtrArray *sessions,
                  const int *present, GError **error)
{
  const char *last_day = NULL;
  int days = 0;

  if (spec->regime != TD_REGIME_OSH && spec->regime != TD_REGIME_HEALTH)
    return TRUE;
  for (guint i = 0; i < sessions->len; i++)
    {
      TdSession *session = g_ptr_array_index (sessions, i);
      g_autoptr (TdRollcall) rollcall = NULL;
      g_autofree char *at = NULL;
      int minutes;

      if (strcmp (session->date, demo->today) >= 0 || g_strcmp0 (session->date, last_day) == 0)
        continue;
      last_day = session->date;
      minutes = td_time_parse_minutes (session->start_time)
                + (spec->remote_venue && days == 1 ? 10 : g_rand_int_range (demo->rand, 20, 46));
      at = td_time_format_minutes (minutes);
      rollcall = g_new0 (TdRollcall, 1);
      rollcall->session_id = session->id;
      rollcall->taken_at = g_strdup_printf ("%sT%s:00", session->date, at);
      rollcall->taken_by = g_strdup (course->counsellor_name);
      rollcall->present = present[i];
      rollcall->absent = spec->size - present[i];
      days++;
      if (!td_store_record_rollcall (demo->store, rollcall, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
save_course (Demo *demo, const CourseSpec *spec, guint *reused, GError **error)
{
  g_autoptr (GPtrArray) lecturers = lecturers_for (demo, spec->area);
  g_autofree char *start = next_class_day (demo->today, spec->start_offset);
  g_autoptr (GPtrArray) sessions = plan_sessions (spec, start, lecturers);
  g_autoptr (TdCourse) course = make_course (demo, spec, sessions);
  g_autofree int *present = NULL;

  if (!td_store_save_course (demo->store, course, error))
    return FALSE;
  g_array_append_val (demo->course_ids, course->id);
  for (guint i = 0; i < lecturers->len; i++)
    if (!td_store_link_course_lecturer (demo->store, course->id,
                                        ((TdLecturer *) g_ptr_array_index (lecturers, i))->id,
                                        NULL, error))
      return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      TdSession *session = g_ptr_array_index (sessions, i);
      session->course_id = course->id;
      if (!td_store_save_session (demo->store, session, error))
        return FALSE;
    }
  present = g_new0 (int, sessions->len);
  return fill_roster (demo, course, spec, sessions, present, reused, error)
         && record_rollcalls (demo, course, spec, sessions, present, error);
}

/* --- lookups -------------------------------------------------------------------- */

/* The id of the @nth run (0 = the first in course_specs) of @category. */
static gint64
course_id_of (Demo *demo, const char *category, guint nth)
{
  for (guint i = 0; i < G_N_ELEMENTS (course_specs); i++)
    if (g_str_equal (course_specs[i].category, category) && nth-- == 0)
      return g_array_index (demo->course_ids, gint64, i);
  g_return_val_if_reached (0);
}

/* The trainee at @index of a course's roster, or NULL with @error. */
static TdTrainee *
roster_person (Demo *demo, gint64 course_id, guint index, GError **error)
{
  g_autoptr (GPtrArray) roster = td_store_list_enrolments (demo->store, course_id, error);
  TdEnrolment *enrolment;

  if (roster == NULL)
    return NULL;
  g_return_val_if_fail (index < roster->len, NULL);
  enrolment = g_ptr_array_index (roster, index);
  return g_object_ref (enrolment->trainee);
}

/* @iso moved by @years, then by @days (either may be negative). */
static char *
shift_date (const char *iso, int years, int days)
{
  g_autofree char *moved = NULL;
  int y = 0, m = 0, d = 0;

  if (sscanf (iso, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  /* 29 February becomes the 28th in other years, as anniversaries are counted. */
  if (m == 2 && d == 29 && !g_date_is_leap_year (y + years))
    d = 28;
  moved = g_strdup_printf ("%04d-%02d-%02d", y + years, m, d);
  return td_iso_date_add_days (moved, days);
}

/* --- make-up --------------------------------------------------------------------- */

/* A newcomer who missed a period of the general safety course made it up in the same
 * period of the next month's run. */
static gboolean
save_makeup (Demo *demo, GError **error)
{
  gint64 missed_course = course_id_of (demo, "general-safety", 0);
  gint64 later_course = course_id_of (demo, "general-safety", 1);
  g_autoptr (GPtrArray) missed_sessions = td_store_list_sessions (demo->store, missed_course,
                                                                  error);
  g_autoptr (GPtrArray) later_sessions = NULL;
  g_autoptr (TdTrainee) person = NULL;
  g_autoptr (TdAttendance) absence = NULL;
  TdSession *missed, *makeup;

  if (missed_sessions == NULL
      || (later_sessions = td_store_list_sessions (demo->store, later_course, error)) == NULL
      || (person = roster_person (demo, missed_course, 3, error)) == NULL)
    return FALSE;
  missed = g_ptr_array_index (missed_sessions, 1);
  makeup = g_ptr_array_index (later_sessions, 1);
  /* Away without asking for leave: the period is truancy and has to be made up. */
  absence = td_attendance_new (missed->id, person->id, TD_ATTENDANCE_ABSENT);
  absence->source = TD_ATTENDANCE_SOURCE_DESK;
  absence->reason = g_strdup ("當日未到課，事後未補請假手續");
  return td_store_record_attendance (demo->store, absence, error)
         && td_store_record_makeup (demo->store, person->id, missed->id, makeup->id,
                                    MIN (missed->minutes, makeup->minutes), error);
}

/* --- hours activities ------------------------------------------------------------ */

static const char *
national_id_of (GPtrArray *roster, gint64 trainee_id)
{
  for (guint i = 0; i < roster->len; i++)
    {
      TdEnrolment *e = g_ptr_array_index (roster, i);
      if (e->trainee->id == trainee_id)
        return e->trainee->national_id;
    }
  return NULL;
}

/* Arrival order, or leaving order for an activity awarded as people leave. */
static int
compare_in_time (gconstpointer a, gconstpointer b)
{
  const TdAttendance *x = *(TdAttendance *const *) a;
  const TdAttendance *y = *(TdAttendance *const *) b;

  return g_strcmp0 (x->in_time, y->in_time);
}

static int
compare_out_time (gconstpointer a, gconstpointer b)
{
  const TdAttendance *x = *(TdAttendance *const *) a;
  const TdAttendance *y = *(TdAttendance *const *) b;

  return g_strcmp0 (x->out_time, y->out_time);
}

/* Those present at @session scan their card for the activity: as they sign in, or,
 * with @leaving, as they leave (about nine in ten of them). */
static gboolean
award_present (Demo *demo, TdSession *session, gint64 activity_id, gboolean leaving,
               GPtrArray *roster, GPtrArray *cells, GError **error)
{
  g_autoptr (GPtrArray) scans = g_ptr_array_new ();
  int y = 0, m = 0, d = 0;

  if (sscanf (session->date, "%d-%d-%d", &y, &m, &d) != 3)
    return TRUE;
  for (guint i = 0; i < cells->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (cells, i);
      if (a->session_id == session->id && a->status == TD_ATTENDANCE_PRESENT
          && td_time_parse_minutes (leaving ? a->out_time : a->in_time) >= 0
          && (!leaving || g_rand_int_range (demo->rand, 0, 10) != 0))
        g_ptr_array_add (scans, a);
    }
  g_ptr_array_sort (scans, leaving ? compare_out_time : compare_in_time);
  for (guint i = 0; i < scans->len; i++)
    {
      TdAttendance *a = g_ptr_array_index (scans, i);
      int minutes = td_time_parse_minutes (leaving ? a->out_time : a->in_time);
      g_autoptr (GDateTime) at = g_date_time_new_local (y, m, d, minutes / 60, minutes % 60, 0);
      g_autoptr (TdScanResult) result = td_scan_activity (demo->store, activity_id,
                                                          national_id_of (roster, a->trainee_id),
                                                          at, error);
      if (result == NULL)
        return FALSE;
      g_warn_if_fail (result->outcome == TD_SCAN_AWARDED);
    }
  return TRUE;
}

static gboolean
save_activity (Demo *demo, TdHoursActivity *activity, TdSession *session, gboolean leaving,
               GPtrArray *roster, GPtrArray *cells, GError **error)
{
  gboolean ok = td_store_create_hours_activity (demo->store, activity, error)
                && award_present (demo, session, activity->id, leaving, roster, cells, error);

  g_free (activity->title);
  return ok;
}

/* The learning-hours lecture: the lecture itself (physical hours, scanned at sign-in)
 * and the online quiz and reading taken after it (digital hours, scanned on leaving). */
static gboolean
save_hours_activities (Demo *demo, GError **error)
{
  gint64 course_id = course_id_of (demo, "learning-hours", 0);
  g_autoptr (GPtrArray) sessions = td_store_list_sessions (demo->store, course_id, error);
  g_autoptr (GPtrArray) roster = NULL;
  g_autoptr (GPtrArray) cells = NULL;
  TdHoursActivity lecture = { 0 }, online = { 0 };
  TdSession *session;

  if (sessions == NULL
      || (roster = td_store_list_enrolments (demo->store, course_id, error)) == NULL
      || (cells = td_store_list_attendance (demo->store, course_id, error)) == NULL)
    return FALSE;
  session = g_ptr_array_index (sessions, 0);
  if (strcmp (session->date, demo->today) >= 0)
    return TRUE;
  lecture.course_id = online.course_id = course_id;
  lecture.session_id = session->id;
  lecture.date = online.date = session->date;
  lecture.title = g_strdup (session->subject);
  lecture.physical_minutes = session->minutes;
  online.title = g_strdup ("課後線上測驗與延伸閱讀：企業碳盤查入門");
  online.digital_minutes = 60;
  return save_activity (demo, &lecture, session, FALSE, roster, cells, error)
         && save_activity (demo, &online, session, TRUE, roster, cells, error);
}

/* --- people's roles, certificates and outside hours ------------------------------ */

static const char *const inservice_providers[] = {
  "社團法人中華民國工業安全衛生協會", "財團法人中國生產力中心中區服務處",
  "社團法人臺中市工業安全衛生協會",
};

static const char *const vr_providers[] = {
  "勞動部勞動力發展署中彰投分署", "臺中市政府勞工局", "國立彰化師範大學復健諮商研究所",
  "中華民國職業重建服務協會",
};

static const char *
inservice_title (int role)
{
  switch (role)
    {
    case 1: return "職業安全衛生業務主管在職教育訓練";
    case 2: return "職業安全衛生管理人員在職教育訓練：風險評估實務";
    case 8: return "特殊作業人員(堆高機)在職教育訓練";
    case 9: return "急救人員在職教育訓練：CPR與AED複訓";
    default: return "一般安全衛生在職教育訓練";
    }
}

static const char *
ce_title (Demo *demo, TdHoursCategory category)
{
  static const char *const professional[] = {
    "身心障礙者支持性就業服務實務研習", "職業重建個案管理實務工作坊",
    "精神障礙者就業支持策略研習", "職業輔導評量工具應用研習",
  };
  static const char *const regulations[] = {
    "身心障礙者權益保障法及職業重建相關法規研習", "勞動法令與身心障礙者就業權益研習",
  };

  switch (category)
    {
    case TD_HOURS_CE_PROFESSIONAL: return PICK (demo, professional);
    case TD_HOURS_CE_REGULATIONS: return PICK (demo, regulations);
    case TD_HOURS_CE_ETHICS: return "職業重建專業倫理與個案隱私研習";
    case TD_HOURS_CE_QUALITY: return "職業重建服務品質與紀錄撰寫研習";
    case TD_HOURS_VR_TRAINING: return "身心障礙者職業重建專業訓練";
    default: return "職業重建相關研習";
    }
}

/* Outside hours of @category (and @role) adding up to @hours, in courses of at most
 * six hours dated between @from and @to. */
static gboolean
add_hours (Demo *demo, TdTrainee *person, TdHoursCategory category, int role, int hours,
           const char *from, const char *to, GError **error)
{
  int span = 0;

  td_iso_date_diff_days (from, to, &span);
  for (int left = hours * 60; left > 0;)
    {
      g_autoptr (TdHoursRecord) h = td_hours_record_new ();

      h->trainee_id = person->id;
      h->date = td_iso_date_add_days (from, g_rand_int_range (demo->rand, 0, MAX (span, 0) + 1));
      h->title = g_strdup (category == TD_HOURS_INSERVICE ? inservice_title (role)
                                                          : ce_title (demo, category));
      h->provider = g_strdup (category == TD_HOURS_INSERVICE ? PICK (demo, inservice_providers)
                                                             : PICK (demo, vr_providers));
      h->minutes = MIN (left, 6 * 60);
      h->category = category;
      h->role = role;
      h->source = g_strdup ("manual");
      left -= h->minutes;
      if (!td_store_add_hours (demo->store, h, error))
        return FALSE;
    }
  return TRUE;
}

/* An OSH art. 18(1) role held since @years and @days before today, with @done hours of
 * in-service training in each period so far, oldest first (-1 ends the list). */
static gboolean
add_inservice_role (Demo *demo, gint64 course_id, guint index, int role, int years, int days,
                    const int *done, GError **error)
{
  static const int period_years[] = { 0, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 };
  g_autoptr (TdTrainee) person = roster_person (demo, course_id, index, error);
  g_autoptr (TdQualification) q = td_qualification_new ();

  if (person == NULL)
    return FALSE;
  q->trainee_id = person->id;
  q->kind = TD_QUALIFICATION_INSERVICE_ROLE;
  q->role = role;
  q->since = shift_date (demo->today, -years, -days);
  q->note = g_strdup ("事業單位指派日期依人事派令");
  if (!td_store_add_qualification (demo->store, q, error))
    return FALSE;
  for (int p = 0; done[p] >= 0; p++)
    {
      g_autofree char *from = shift_date (q->since, p * period_years[role], 0);
      g_autofree char *end = shift_date (q->since, (p + 1) * period_years[role], -1);
      g_autofree char *to = strcmp (end, demo->today) < 0 ? g_strdup (end)
                                                          : td_iso_date_add_days (demo->today, -7);

      if (done[p] > 0 && !add_hours (demo, person, TD_HOURS_INSERVICE, role, done[p], from, to,
                                     error))
        return FALSE;
    }
  return TRUE;
}

/* Trainees of the first-aid course who hold OSH roles at work: one whose last period
 * ended short of hours, one whose period ends soon, and two up to date. */
static gboolean
save_inservice_roles (Demo *demo, GError **error)
{
  gint64 first_aid = course_id_of (demo, "first-aid", 0);
  const int short_then[] = { 2, 0, -1 };
  const int due_soon[] = { 3, -1 };
  const int managed[] = { 12, 12, 3, -1 };
  const int up_to_date[] = { 3, 3, -1 };

  return add_inservice_role (demo, first_aid, 2, 9, 3, 150, short_then, error)
         && add_inservice_role (demo, first_aid, 5, 1, 1, 300, due_soon, error)
         && add_inservice_role (demo, first_aid, 8, 2, 4, 30, managed, error)
         && add_inservice_role (demo, first_aid, 14, 8, 5, 100, up_to_date, error);
}

/* A vr-ce professional and the certificate cycles of the qualification. */
typedef struct {
  guint roster_index;          /* in the vr-ce course */
  const char *qualification;   /* catalogue slug */
  int hired_years_ago;
  int hired_days_ago;
  int vr_training;             /* hours of professional training after the hire */
  int training_days;           /* … done within this many days of the hire */
  int cycle_days;              /* the current cycle started 3 years minus this many days
                                * ago; G_MININT: no certificate yet */
  int professional, regulations, ethics, quality;   /* CE hours in the current cycle */
  gboolean parental_leave;     /* six months of approved leave extend the cycle */
  gboolean renewed;            /* an earlier cycle precedes the current one */
} VrStaffSpec;

static const VrStaffSpec vr_staff[] = {
  /* Renewal window open: the hours are complete, the renewal is due. */
  { 0, "vr-employment-specialist", 6, -30, 36, 300, 40, 42, 12, 3, 3, FALSE, TRUE },
  /* The cycle would have ended three weeks ago: parental leave extends it. */
  { 1, "vr-case-manager", 8, 0, 0, 0, -20, 36, 12, 4, 2, TRUE, TRUE },
  /* Core hours complete, no ethics or quality hours five months before the end. */
  { 2, "vr-evaluator", 5, 0, 60, 600, 150, 40, 16, 0, 0, FALSE, TRUE },
  /* A year into a new cycle. */
  { 3, "vr-supervisor", 10, 0, 0, 0, 3 * 365 - 425, 18, 6, 3, 0, FALSE, TRUE },
  /* Hired ten months ago, half the initial training done. */
  { 4, "vr-employment-specialist", 0, 300, 18, 240, G_MININT, 0, 0, 0, 0, FALSE, FALSE },
};

static gboolean
add_cycle (Demo *demo, TdTrainee *person, gint64 qualification_id, const char *start,
           gboolean parental_leave, GError **error)
{
  g_autoptr (TdCertificateCycle) cycle = td_certificate_cycle_new ();
  g_autoptr (TdCycleLeave) leave = NULL;

  cycle->trainee_id = person->id;
  cycle->qualification_id = qualification_id;
  cycle->start = g_strdup (start);
  cycle->end = shift_date (start, 3, -1);
  if (!td_store_add_certificate_cycle (demo->store, cycle, error))
    return FALSE;
  if (!parental_leave)
    return TRUE;
  leave = td_cycle_leave_new ();
  leave->cycle_id = cycle->id;
  leave->start = shift_date (start, 1, 30);
  leave->end = td_iso_date_add_days (leave->start, 181);
  leave->approval = g_strdup_printf ("勞動部勞動力發展署中彰投分署%d年中分字第%07d號函(育嬰留職停薪)",
                                     atoi (leave->start) - 1911,
                                     g_rand_int_range (demo->rand, 1000000, 2000000));
  return td_store_add_cycle_leave (demo->store, leave, error);
}

/* Continuing-education hours of a cycle from @start, dated up to a week ago. */
static gboolean
add_ce_hours (Demo *demo, TdTrainee *person, const VrStaffSpec *spec, const char *start,
              GError **error)
{
  g_autofree char *end = shift_date (start, 3, -1);
  g_autofree char *to = strcmp (end, demo->today) < 0 ? g_strdup (end)
                                                      : td_iso_date_add_days (demo->today, -7);
  const int hours[] = { spec->professional, spec->regulations, spec->ethics, spec->quality };
  const TdHoursCategory categories[] = { TD_HOURS_CE_PROFESSIONAL, TD_HOURS_CE_REGULATIONS,
                                         TD_HOURS_CE_ETHICS, TD_HOURS_CE_QUALITY };

  for (guint i = 0; i < G_N_ELEMENTS (hours); i++)
    if (hours[i] > 0 && !add_hours (demo, person, categories[i], 0, hours[i], start, to, error))
      return FALSE;
  return TRUE;
}

static gboolean
add_vr_staff (Demo *demo, gint64 course_id, const VrStaffSpec *spec, GError **error)
{
  static const VrStaffSpec complete = { 0, NULL, 0, 0, 0, 0, 0, 42, 12, 3, 3, FALSE, FALSE };
  g_autoptr (TdTrainee) person = roster_person (demo, course_id, spec->roster_index, error);
  g_autoptr (TdQualification) q = td_qualification_new ();
  g_autofree char *start = NULL;
  g_autofree char *earlier = NULL;

  if (person == NULL)
    return FALSE;
  q->trainee_id = person->id;
  q->kind = TD_QUALIFICATION_VR_CE;
  q->qualification = g_strdup (spec->qualification);
  q->since = shift_date (demo->today, -spec->hired_years_ago, -spec->hired_days_ago);
  q->note = g_strdup ("到職日依聘書");
  if (!td_store_add_qualification (demo->store, q, error))
    return FALSE;
  if (spec->vr_training > 0)
    {
      g_autofree char *until = td_iso_date_add_days (q->since, spec->training_days);
      if (!add_hours (demo, person, TD_HOURS_VR_TRAINING, 0, spec->vr_training, q->since, until,
                      error))
        return FALSE;
    }
  if (spec->cycle_days == G_MININT)
    return TRUE;
  start = shift_date (demo->today, -3, spec->cycle_days);
  earlier = shift_date (start, -3, 0);
  if (spec->renewed && (!add_cycle (demo, person, q->id, earlier, FALSE, error)
                        || !add_ce_hours (demo, person, &complete, earlier, error)))
    return FALSE;
  return add_cycle (demo, person, q->id, start, spec->parental_leave, error)
         && add_ce_hours (demo, person, spec, start, error);
}

/* Staff of the vocational-rehabilitation course with their certificate cycles. */
static gboolean
save_vr_staff (Demo *demo, GError **error)
{
  gint64 course_id = course_id_of (demo, "vr-employment-specialist", 0);

  for (guint i = 0; i < G_N_ELEMENTS (vr_staff); i++)
    if (!add_vr_staff (demo, course_id, &vr_staff[i], error))
      return FALSE;
  return TRUE;
}

static gboolean
populate (Demo *demo, GError **error)
{
  guint reused = 0;

  if (!save_unit (demo, error) || !save_lecturers (demo, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (course_specs); i++)
    if (!save_course (demo, &course_specs[i], &reused, error))
      return FALSE;
  return save_makeup (demo, error) && save_hours_activities (demo, error)
         && save_inservice_roles (demo, error) && save_vr_staff (demo, error);
}

/* --- public API ------------------------------------------------------------- */

gboolean
td_demo_populate (TdStore *store, const char *today, GError **error)
{
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (TD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (today == NULL || !td_iso_date_is_valid (today))
    {
      g_set_error (error, TD_ERROR, TD_ERROR_INVALID,
                   _("The date to build the sample centre around must be written YYYY-MM-DD."));
      return FALSE;
    }

  demo.store = store;
  demo.today = today;
  demo.rand = g_rand_new_with_seed (DEMO_SEED);
  demo.used_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  demo.lecturers = g_ptr_array_new_with_free_func (g_object_unref);
  demo.areas = g_ptr_array_new ();
  demo.people = g_ptr_array_new_with_free_func (g_object_unref);
  demo.course_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  ok = td_store_begin (store, error);
  if (ok && !(ok = populate (&demo, error)))
    td_store_rollback (store);
  else if (ok)
    ok = td_store_commit (store, error);

  g_rand_free (demo.rand);
  g_hash_table_unref (demo.used_ids);
  g_ptr_array_unref (demo.lecturers);
  g_ptr_array_unref (demo.areas);
  g_ptr_array_unref (demo.people);
  g_array_unref (demo.course_ids);
  return ok;
}
