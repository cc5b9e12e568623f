/**
 * How workbook and engine text reads in the pane: mainland punctuation in Chinese (“” not 「」, full-width
 * colons) in workbook text, names without blank-fill underscores or a doubled suffix.
 */

/** 「」『』 → “”‘’; a half-width colon or semicolon after Chinese text → full width. */
export function mainland(s: string): string {
  return s
    .replace(/「/g, "“")
    .replace(/」/g, "”")
    .replace(/『/g, "‘")
    .replace(/』/g, "’")
    .replace(/([\u4e00-\u9fff）”])\s*:\s*/g, "$1：")
    .replace(/([\u4e00-\u9fff）”])\s*;\s*/g, "$1；");
}

/** "_基础养老金补贴__" → "基础养老金补贴"; "评分表（评分表）" → "评分表"; runs of fill characters inside go. */
export function cleanName(s: string): string {
  // A label's own colon ("投入:") goes too: the pane puts its own punctuation after names.
  let out = s.replace(/[_＿]{2,}/g, "").replace(/^[\s_＿]+|[\s_＿:：]+$/g, "");
  const doubled = /^(.+?)\s*[（(]([^（）()]+)[)）]$/.exec(out);
  if (doubled && doubled[1].trim() === doubled[2].trim()) out = doubled[1].trim();
  return out;
}

/** Engine or workbook text as the pane shows it in a language. */
export function display(s: string, lang: "zh-CN" | "en"): string {
  if (lang === "en") return s.replace(/「|」/g, "\"");
  // "评分表（评分表）": a table named after its sheet, when the sheet is called 评分表 too.
  // The engine's own messages already quote values (实际完成值“…”低于目标值“…”) in mainland style; workbook
  // text (names, notes typed in Taiwan/Hong Kong style) may not.
  return dropDoubled(mainland(s));
}

/** "评分表（评分表）" → "评分表": a parenthesis repeating the words just before it. */
function dropDoubled(s: string): string {
  return s.replace(/（([^（）]{2,})）/g, (m, inner: string, at: number) => (s.slice(0, at).endsWith(inner) ? "" : m));
}

/** The engine writes a change's reason in Chinese only: the English pane says it in English. */
const REASONS_EN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^等级按总分 ?([\d.]+) ?分评定为“(.)”/, (m) => `grade from the total ${m[1]}: ${m[2]}`],
  [/按明细行求和$/, () => "sum of its rows"],
  [/^按比例调整权重，使合计为([\d.]+)/, (m) => `weights rescaled to total ${m[1]}`],
  [/^按(预算)?执行率计分/, () => "scored by budget execution"],
  [/^按完成比例计分/, () => "scored by the share of the target reached"],
  [/^按评分规则计分/, () => "scored by the rules"],
  [/^得分不得超过分值/, () => "a score may not exceed its weight"],
  [/^替换旧的自评报告/, () => "replaces the earlier report"],
];

export function reasonText(reason: string, lang: "zh-CN" | "en", grade: (g: string) => string = (g) => g): string {
  if (lang !== "en") return display(reason, lang);
  for (const [re, say] of REASONS_EN) {
    const m = re.exec(reason);
    if (m) return say(m).replace(/: (.)$/, (_, g: string) => `: ${grade(g)}`);
  }
  return "";
}
