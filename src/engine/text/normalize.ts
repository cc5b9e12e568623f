/**
 * Text normalisation for matching. Forms come from Word, PDF conversions and hand typing:
 * full-width digits and punctuation, spaced-out header words ("一 级 指标"), line breaks inside cells.
 */

/**
 * NFKC folds full-width forms (＞ ９ ％ （) to ASCII; then all white space goes, zero-width spaces
 * and joiners too; the traditional forms of the forms' own words (評分, 權重, 一級指標, 合計) fold to
 * simplified ones.
 */
export function norm(text: string): string {
  const n = text.normalize("NFKC").replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]+/g, "");
  return TRADITIONAL.test(n) ? n.replace(TRADITIONAL_ALL, (c) => SIMPLIFIED[c]) : n;
}

/** The traditional characters of the words these forms use, and their simplified forms. */
const SIMPLIFIED: Record<string, string> = {
  級: "级", 標: "标", 權: "权", 評: "评", 計: "计", 準: "准", 總: "总", 實: "实", 際: "际", 數: "数",
  預: "预", 執: "执", 產: "产", 滿: "满", 績: "绩", 價: "价", 項: "项", 額: "额", 資: "资", 務: "务",
  導: "导", 層: "层", 說: "说", 據: "据", 備: "备", 註: "注", 單: "单", 與: "与", 質: "质", 時: "时",
  效: "效", 經: "经", 濟: "济", 會: "会", 態: "态", 續: "续", 響: "响", 對: "对", 內: "内", 貫: "贯",
  優: "优", 良: "良", 門: "门", 體: "体", 達: "达", 於: "于", 養: "养", 學: "学", 種: "种", 號: "号",
};
const TRADITIONAL = new RegExp(`[${Object.keys(SIMPLIFIED).filter((k) => k !== SIMPLIFIED[k]).join("")}]`);
const TRADITIONAL_ALL = new RegExp(TRADITIONAL.source, "g");

const keyCache = new Map<string, string>();

/** Like norm() but also drops punctuation and marks that decorate labels (★ : ： · 、 brackets). */
export function key(text: string): string {
  // Forms repeat the same short words thousands of times (是, 充分, 指标分值): remember them.
  const hit = keyCache.get(text);
  if (hit !== undefined) return hit;
  const k = computeKey(text);
  if (text.length <= 40) {
    if (keyCache.size > 20_000) keyCache.clear();
    keyCache.set(text, k);
  }
  return k;
}

function computeKey(text: string): string {
  return norm(text).replace(/[★☆*※:：·•、,，.。;；()（）[\]【】"“”'‘’_\-—]/g, "");
}

/** Collapse runs of white space to one space and trim; for display. */
export function tidy(text: string): string {
  return text.replace(/[\s\u3000]+/g, " ").trim();
}

/** A form field's value without the blank-fill line it was typed on ("_基础养老金补贴___" → "基础养老金补贴"). */
export function fieldValue(text: string): string {
  return tidy(text.replace(/^[_＿\s]+|[_＿\s]+$/g, "").replace(/[_＿]{2,}/g, " "));
}
