/**
 * The words these forms use. Each list is matched against key()-normalised cell text.
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
  | "explain";

interface RoleWords {
  role: ColumnRole;
  exact?: RegExp;
}

/** Header words by role, tried in this order against the key() of a header cell. */
export const HEADER_PATTERNS: RoleWords[] = [
  { role: "level1", exact: /^(一级指标|一级|一级指标名称)$/ },
  { role: "level2", exact: /^(二级指标|二级|绩效指标二级|二级指标名称)$/ },
  { role: "level3", exact: /^(三级指标|三级|绩效指标三级|三级指标名称|指标名称|具体指标|指标内容|考核指标|评价指标名称)$/ },
  { role: "nature", exact: /^(绩效)?指标性质$/ },
  { role: "unit", exact: /^(绩效)?(度量|计量)单位$|^单位$/ },
  {
    role: "target",
    exact: /^(年初|年度|全年|预期|计划)?(绩效)?(指标值|目标值|目标)(A|\(A\))?$|^(年初指标值|年度指标值|预期指标值|绩效指标值|年度目标值)/,
  },
  {
    role: "actual",
    exact: /^(实际)?(完成|实现)(值|指标值|情况)$|^实际完成(指标)?值|^全年实际(完成)?值|^实际值|^实际完成情况|^实际完成指标值/,
  },
  { role: "progress", exact: /^(完成进度|完成率|完成比例|完成程度)$/ },
  { role: "weight", exact: /^(权重|分值|赋分|指标分值|参考分值|权数|标准分值|满分|标准分|分数|指标权重|权重分值|权重\(分\)|分值\(分\))$/ },
  { role: "score", exact: /^(得分|评价得分|自评得分|实际得分|考核得分|评分|得分\(分\)|最终得分)$/ },
  {
    role: "basis",
    exact: /^(评分依据|偏差原因分析及改进措施|偏差原因|未完成原因.*|偏差原因分析|备注|扣分原因|扣分理由|评分说明|说明|得分依据|评价依据|原因分析)$/,
  },
  { role: "explain", exact: /^(指标解释|评价要点及说明|评价要点|评分标准|指标说明|评分标准及说明)$/ },
];

/** Words of a group heading spanning name columns ("评价指标", "分层分类指标", "绩效指标"). */
export const NAME_GROUP_HEADING = /^(评价指标|分层分类指标|绩效指标|年度绩效指标|指标|考核指标|评价内容)$/;

export const TOTAL_LABEL = /^(总计|合计|总分|综合得分|总得分|得分合计|合计得分|评价总分|自评总分|总评分|综合评分|综合得分合计)$/;

export const SUBTOTAL_LABEL = /^(小计|.{1,8}小计)$/;

/** 一级 categories that appear as header-style subtotal rows ("投入: 20 19.80"). */
export const CATEGORY_LABEL = /^(投入|过程|产出|效果|效益|决策|满意度|成本|管理|绩效|项目决策|项目过程|项目产出|项目效益|项目管理)(指标)?$/;

export const PLACEHOLDER_LABEL = /^(指标\d+|\.{2,}|…+|\/|-|—|无|\\)$/;

export const BREAKDOWN_LABEL = /^其中/;

export const GRADE_LABEL = /(评价结果等次|评价等次|评价等级|等次|等级|评价结果|绩效等级|自评等级)/;

export const GRADE_WORDS: Record<string, "优" | "良" | "中" | "差"> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  合格: "中",
  一般: "中",
  差: "差",
  较差: "差",
  不合格: "差",
};

/** Funds-block labels. */
export const FUNDS_HEADING = /(项目资金|资金情况|资金总额|预算执行|年度资金|资金\(万元\)|项目资金情况)/;
export const FUNDS_BUDGET = /^(全年预算数|预算数|预算资金|调整后预算数|全年预算|年度预算数|预算金额)(\(A\)|A)?$/;
export const FUNDS_INITIAL = /^(年初预算数|年初预算)$/;
export const FUNDS_EXECUTED = /^(全年执行数|执行数|实际支出资金|实际支出|支出数|全年实际支出|实际执行数)(\(B\)|B)?$/;
export const FUNDS_RATE = /^(执行率|预算执行率)(\(B\/A\)|B\/A)?$/;
export const FUNDS_TOTAL_ROW = /^(年度资金总额|资金总额|合计)$/;
