/**
 * The words these forms use: every domain word list of recognition lives here, so that a new
 * layout's wording is one entry in this file. Each list is matched against key()-normalised cell
 * text (NFKC, no white space, no decorating punctuation) unless it says otherwise.
 * Order matters where one header word contains another: the first matching role wins.
 */

export type ColumnRole =
  | "level1"
  | "level2"
  | "level3"
  | "nature"
  | "target"
  | "unit"
  | "actual"
  | "progress"
  | "weight"
  | "score"
  | "basis"
  | "explain"
  | "deduction";

interface RoleWords {
  role: ColumnRole;
  exact?: RegExp;
}

/** Header words by role, tried in this order against the key() of a header cell. */
export const HEADER_PATTERNS: RoleWords[] = [
  { role: "level1", exact: /^(一级指标|一级|一级指标名称|评价内容|一级指标分值)$/ },
  { role: "level2", exact: /^(二级指标|二级|绩效指标二级|二级指标名称)$/ },
  { role: "level3", exact: /^(三级指标|三级|绩效指标三级|三级指标名称|指标名称|具体指标|指标内容|考核指标|评价指标名称|指标项|指标项目|四级指标|四级|四级指标名称|四级指标内容|考核项目|考核事项|评价项目|评价指标分值|三级指标分值|指标名称分值)$/ },
  { role: "nature", exact: /^(绩效)?指标(性质|方向)$/ },
  { role: "unit", exact: /^(绩效)?(度量|计量)单位$|^单位$/ },
  {
    role: "target",
    exact: /^(年初|年度|全年|预期|计划)?(绩效)?(指标值|目标值|目标)(A|\(A\))?$|^(年初指标值|年度指标值|预期指标值|绩效指标值|年度目标值|年度绩效目标值|指标目标值)|^(目标值|指标值)(标准)$|^(计划值|预期值|年初设定目标值|年度预期目标值|年度计划数|计划数|预期目标值)$|^调整后的?(年度)?(指标值|目标值)$/,
  },
  {
    role: "actual",
    exact: /^(实际)?(完成|实现)(值|指标值|情况)$|^实际完成(指标)?值|^全年实际(完成)?值|^实际值|^实际完成情况|^实际完成指标值|^年度实际完成值|^(实际完成|实际达成值|全年完成值|年度完成值|实际完成数|实际执行情况|全年实际完成情况|实际达到值)$/,
  },
  { role: "progress", exact: /^(完成进度|完成率|完成比例|完成程度)$/ },
  {
    role: "weight",
    exact: /^[一二三四]级(指标)?(分值|权重|权数|标准分|满分)$|^(权重|分值|赋分|指标分值|参考分值|权数|标准分值|满分|满分值|标准分|分数|指标权重|权重分值|权重%|权重分|指标权数|分值权重|设定分值|分值%|指标分值权重|指标满分|满分分值|标准分数|赋分值|分值设置|计划分值|指标赋分|基础分值|基础分|基本分值|配分|比重|权值|指标分|应得分|规定分值|目标分值)$/,
  },
  {
    role: "score",
    exact:
      /^(得分|评价得分|自评得分|实际得分|考核得分|评分|最终得分|自评分|自评分值|评分结果|专家评分|复核得分|考评得分|实得分|得分值|评价分数|自评分数|指标得分|加权得分|核定得分|审核得分|评审得分|复评得分|评估得分|绩效得分|单位自评得分|部门评价得分|财政评价得分|部门自评得分|第三方评价得分|专家评价得分|实际评分|自评得分值|评定得分|平均得分|核查得分|实际得分值|打分|评议得分|专家平均得分|平均分|专家平均分|评委平均分|专家组平均分|综合评分值|综合得分|复核分|复核评分|复核后得分|财政复核分|财政复核|财政复核得分|复核结果|核定分|审核分|评审分|自评价得分|自我评价得分|自评打分|考核评分|核实得分|得分情况|绩效评分|单位评分|实得分值)$/,
  },
  {
    role: "basis",
    exact: /^(评分依据|偏差原因分析及改进措施|偏差原因|未完成原因.*|偏差原因分析|备注|扣分原因|扣分理由|扣分说明|评分说明|说明|得分依据|评价依据|原因分析|得分说明|偏差原因及改进措施|.{0,14}(原因分析|改进措施|扣分原因)|评分理由|打分依据|自评依据)$/,
  },
  { role: "deduction", exact: /^(扣分|扣分值|实扣分|扣减分值|扣除分值|扣分数|扣分分值|扣减分|扣分\(分\))$/ },
  {
    role: "explain",
    exact: /^(指标解释|评价要点及说明|评价要点|评分标准|指标说明|评分标准及说明|评分细则|评分办法|评价标准|指标内涵|计分方法|评分方法|指标解释及评分标准|指标说明及评分标准|评分要点|考核要点|评分规则|计分标准|评价方法|考核内容|考核标准|指标定义|指标释义|赋分规则|计分规则|赋分标准|评分方法及标准|指标值设置依据|评分标准及方法)$/,
  },
];

/**
 * Words of a heading that spans the name columns or labels the block vertically ("评价指标",
 * "分层分类指标", "绩效指标", "年度绩效指标完成情况"); a weight in brackets ("绩效指标(90分)") is
 * removed before matching.
 */
export const NAME_GROUP_HEADING =
  /^(评价指标|分层分类指标|绩效指标|年度绩效指标|指标|考核指标|指标体系|评价指标体系|绩效评价指标|年度绩效指标完成情况|绩效指标完成情况|绩效指标情况|年度绩效目标完成情况|年度绩效目标\d*|绩效目标)$/;

/**
 * Of several score columns, which one the table's result is: a weighted score over a raw one
 * (百分制), a reviewer's (评价/复核/核定…) over the unit's own 自评得分.
 */
export const SCORE_COLUMN_RANK: { rank: number; words: RegExp }[] = [
  { rank: 3, words: /加权/ },
  { rank: 0, words: /百分制|原始/ },
  { rank: 2, words: /评价|复核|核定|审核|评审|复评|核查|财政|专家|考评|终审|认定|评估|平均|最终|评定/ },
];

/**
 * A scoring standard that states its own rule for an indicator ("每低1个百分点扣0.2分", "95%以上得满分"):
 * the national 执行率 × 分值 then does not decide the score.
 */
export const OWN_SCORING_RULE = /每(低|降低|下降|减少|少)|以上.{0,6}满分|及以上|(≥|>=|不低于|达到|高于)\s*\d+(\.\d+)?%/;

/** A page footer or header left inside a table by printing or PDF conversion ("第1页/共2页", "- 2 -"). */
export const PAGE_MARK = /^(第\d+页([,，/]?共\d+页)?|共\d+页[,，]?第\d+页|\d+\/\d+|-\d+-|第\d+页,?共\d+页)$/;

/** Titles of forms that set targets and are not scored: 绩效目标申报表, 中期/年度绩效目标表, 运行监控表. */
export const TARGET_FORM_TITLE = /(目标申报表|绩效目标表|目标表|监控表|运行监控|目标申报)/;

/** Rows that add or take away points outside the indicators: 扣分项（审计发现问题）, 加分项. */
export const ADJUSTMENT_LABEL = /^(扣分项|扣分|扣减项|扣减|加分项|加分|附加分|倒扣分|一票否决)/;

export const TOTAL_LABEL =
  /^(总计|合计|总分|综合得分|总得分|得分合计|合计得分|评价总分|自评总分|总评分|综合评分|评分合计|分数合计|总分数|合计分数|总成绩|累计得分|合计分|总评|综合得分合计|分值合计|合计分值|总分值|得分总计|综合评价得分|绩效评价得分|自评得分合计|总体得分|自评总得分|项目总得分|评价总得分|总分合计|合计总分|指标合计|绩效指标合计|指标得分合计|指标总分|综合总分|最终得分|最终总分|自评综合得分|总分值\/?总得分|总分\/?得分|合计\/?总分|得分|自评得分|评价得分|合计\(总分\)|总分\(得分\))$/;

export const SUBTOTAL_LABEL = /^(小计|.{1,8}小计)$/;

/** How a subtotal row without a label of its own is named in messages. */
export const UNLABELLED_SUBTOTAL = "未标注名称的小计行";

/** 一级 categories that appear as header-style subtotal rows ("投入: 20 19.80"). */
export const CATEGORY_LABEL = /^(投入|过程|产出|效果|效益|决策|满意度|成本|管理|绩效|项目决策|项目过程|项目产出|项目效益|项目管理)(指标)?$/;

export const PLACEHOLDER_LABEL = /^(指标\d+|\.{2,}|…+|\/|-|—|无|\\|……)$/;

export const BREAKDOWN_LABEL = /^其中/;

/** Rows of remarks inside a table ("其他需要说明事项 | 无"): neither indicators nor the end of the table. */
export const NOTE_LABEL = /^(其他需要说明(的)?(事项|问题|情况)|其他需说明(的)?(事项|问题|情况)|其他说明|说明事项|备注)$/;

/**
 * A footnote or signature line under a form, on norm() text ("说明：1.本表…", "注：", "填表人：张明
 * 联系电话：…"): the table has ended. 备注 is left out — "备注：无" can be a remarks row inside a table.
 */
export const FOOTNOTE_LINE = /^(说明|注|填表说明|填表人|填报人|制表人|联系人|联系电话|审核人|复核人|负责人|单位负责人|财务负责人|项目负责人|填报日期|填表日期)\d*[:：]/;

/** "指标1：" before an indicator's name on template-derived forms. */
export const INDICATOR_PREFIX = /^指标\s*\d+\s*[:：]\s*/;

/** A line saying the table goes on from the previous page: "（续表）", "续表1", "表1（续）". */
export const CONTINUATION_LABEL = /^(续表\d*|续上表|接上表|续|表\d*续|.{0,20}\(续\)|.{0,20}续表)$/;

/** A name entered again after a page break may say so: "产出指标（续）" (on NFKC text). */
export const CONTINUED_SUFFIX = /\s*\(续(表)?\)\s*$/;

/** Marks of a core indicator (★) printed before or after a name. */
export const CORE_MARK = /[★☆※]/;
/** Marks decorating a name at either end (core marks and asterisks), removed from the name. */
export const NAME_MARKS = /^[★☆※*]+|[★☆※*]+$/g;

/**
 * A weight carried in a name: "产出指标(50分)", "决策（20分）", "决策(10.8%)", "（权重20%）".
 * Matched against the NFKC-normalised text (full-width digits and brackets folded).
 */
export const WEIGHT_IN_NAME = /[([]\s*(?:权重|分值|权数|满分)?\s*[:：]?\s*(\d+(?:\.\d+)?)\s*(分|%)\s*[)\]]/;

export const GRADE_LABEL = /(评价结果等次|评价等次|评价等级|等次|等级|评价结果|绩效等级|自评等级)/;

/** "评价等级为优": the word between the label and the grade. */
export const GRADE_COPULA = /^(为|是)/;

export const GRADE_WORDS: Record<string, "优" | "良" | "中" | "差"> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  // 合格/不合格 belong to a two-grade scale (合格 is any score from 60): not read as 中 or 差.
  一般: "中",
  差: "差",
  较差: "差",
};

/** Words of a table's title line (searched in raw text, not key()). */
export const TITLE_WORDS = /(评分表|自评表|得分表|评价表|指标体系|情况表|目标表|考核表|评分细则|打分表|申报表|监控表)/;

/** Labels of the project or department name above a table. */
export const PROJECT_LABEL = /项目名称|部门名称|单位名称/;
export const PROJECT_NAME_VALUE = /(?:项目名称|部门名称|单位名称)\s*[:：]\s*(.+)$/;
export const PROJECT_NAME_STOP = /\s{2,}|填报单位|项目实施/;

/** Funds-block labels. */
/** A funds block's heading, on key() text ("项目资金（万元）" → 项目资金万元). */
export const FUNDS_HEADING = /^(项目资金|资金情况|预算执行情况|年度资金|资金|项目资金情况|预算资金情况|年度预算资金)(万元|元|\d+分)?$/;
/** The unit a funds column title may end with ("全年预算数（万元）" → key 全年预算数万元). */
export const FUNDS_AMOUNT_UNIT = /(万元|元)$/;
/** Words of a funds block's label that may carry its points ("预算执行情况(万元) (20分)"). */
export const FUNDS_BLOCK_WORD = /资金|预算执行/;
export const FUNDS_HEADING_DETAIL = /(万元|情况|项目资金)/;
export const FUNDS_BUDGET = /^(全年预算数|预算数|预算资金|调整后预算数|全年预算|年度预算数|预算金额|调整预算数|全年调整预算数|调整后预算|批复预算数|预算批复数|预算安排数|预算安排|年度预算安排|下达数|资金下达数|下达资金|下达预算数|中央下达预算数|年度计划投资|计划投资|计划投资额|到位资金|到位数|批复数|资金额度|债券资金额度|安排资金|计划数|预算数调整后|全年预算安排|年度预算申请|年度预算申请数|预算申请数|预算申请)(\(A\)|A)?$/;
export const FUNDS_INITIAL = /^(年初预算数|年初预算)$/;
export const FUNDS_EXECUTED = /^(全年执行数|执行数|实际支出资金|实际支出|支出数|全年实际支出|实际执行数|全年实际执行数|实际支出数|已支出资金|已支出|支出资金|完成投资|实际完成投资|累计支出|已拨付资金|拨付资金|预算执行数)(\(B\)|B)?$/;
export const FUNDS_RATE = /^(执行率|预算执行率|支出进度|执行进度|资金执行率|预算执行进度|资金支出率|支付进度|完成率)(\(B\/A\)|B\/A|\(%\)|%)?$/;
export const FUNDS_TOTAL_ROW = /^(年度资金总额|资金总额|合计)$/;
export const FUNDS_WEIGHT_WORD = /^(分值|权重|分数|分值权重|权重分值|指标分值|指标分值权重|满分|标准分|赋分)$/;
export const FUNDS_SCORE_WORD = /^(得分|指标得分|自评得分|评价得分|实际得分)/;
export const FUNDS_PART_LABEL = /^(其中|基本支出|项目支出|本年财政拨款|财政拨款|上年结转|上年结转资金|其他资金|其他|上级财政资金|市级预算资金|县级预算资金)/;
export const FUNDS_LABEL_BUDGET = /^(预算资金|全年预算数|年度预算数|年度预算(?!执行)|预算数|年度资金总额|资金总额|全年预算(?!执行))(\(A\))?/;
export const FUNDS_LABEL_EXECUTED = /^(实际支出资金|实际支出|全年执行数|执行数|实际执行数)(\(B\))?/;

/** Names of indicators that count in reverse (less is better), and the words that undo that. */
export const REVERSE_NAME =
  /(投诉|差错|错误|事故|失误|违规|违纪|超支|损失|发生率|流失率|冒领率|成本|费用|支出额|单价|单位成本|能耗|延误|滞留|积压|空置|死亡率|死亡人数|犯罪率|发案率|发案数|发病率|患病率|病死率|感染率|复发率|辍学率|失学率|浓度|污染天数|重污染|超标|住院日|药占比|耗材占比|等候时间|等待时间|办理时限|办理周期|办结周期|耗时|排放量|不良率|漏报率|误报率|返工率|欠薪|拖欠|积案|伤亡|噪声|返贫)/;
/** Names that say more is better: a bare target of theirs needs no ≥ to be read. */
export const POSITIVE_NAME =
  /(满意度|满意率|合格率|达标率|覆盖率|完成率|知晓率|到位率|及时率|执行率|使用率|利用率|入学率|巩固率|参保率|接种率|免疫密度|治愈率|结案率|办结率|破案率|处置率|整改率|处理率|纠正率|挽回率|查处率|解决率|化解率|报销比例|回访率|兑现率|落实率|销号率|审结率|优良|建成|新增|培训|受益|人数|人次|数量|面积|次数|户数|场次|个数|里程|长度|产量|收入)/;
export const REVERSE_UNDONE = /(节约|节省|降低|下降|减少)/;
export const COST_GROUP = /成本/;
export const MONEY_UNIT = /^(元|万元|亿元|千元)$/;

/**
 * The 一级 categories that tell which form a table is (matched against the 一级 name, any part).
 * National project form (财预〔2020〕10号 附1): 产出 · 效益 · 满意度 (成本 since 2021), 预算执行率 in
 * the funds block. Financial / third-party evaluation (附2): 决策 · 过程 · 产出 · 效益. Department-wide:
 * 投入 · 过程 · 产出 · 效果 (or 决策 · 过程 · 产出 · 效益 under a 部门整体 title).
 */
export const CATEGORY_WORDS: { category: FormCategory; words: RegExp }[] = [
  { category: "满意度", words: /满意/ },
  { category: "决策", words: /决策|立项/ },
  { category: "投入", words: /投入/ },
  { category: "过程", words: /过程|管理|实施/ },
  { category: "产出", words: /产出/ },
  { category: "效益", words: /效益/ },
  { category: "效果", words: /效果|影响/ },
  { category: "成本", words: /成本/ },
  { category: "预算执行", words: /预算执行|执行率/ },
];
export type FormCategory = "满意度" | "决策" | "投入" | "过程" | "产出" | "效益" | "效果" | "成本" | "预算执行";

/** Title or sheet words naming the form. */
export const DEPARTMENT_FORM_WORDS = /部门整体|整体支出|部门绩效|单位整体/;
export const THIRD_PARTY_FORM_WORDS = /第三方|评价指标体系|绩效评价评分|重点评价|财政评价|评价得分表|评分细则/;
