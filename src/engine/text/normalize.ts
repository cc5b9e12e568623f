/**
 * Text normalisation for matching. Forms come from Word, PDF conversions and hand typing:
 * full-width digits and punctuation, spaced-out header words ("一 级 指标"), line breaks inside cells.
 */

/** NFKC folds full-width forms (＞ ９ ％ （) to ASCII; then all white space goes. */
export function norm(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

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
