/**
 * Text normalisation for matching. Forms come from Word, PDF conversions and hand typing:
 * full-width digits and punctuation, spaced-out header words ("一 级 指标"), line breaks inside cells.
 */

/** NFKC folds full-width forms (＞ ９ ％ （) to ASCII; then all white space goes. */
export function norm(text: string): string {
  return text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
}

/** Like norm() but also drops punctuation and marks that decorate labels (★ : ： · 、 brackets). */
export function key(text: string): string {
  return norm(text).replace(/[★☆*※:：·•、,，.。;；()（）[\]【】"“”'‘’_\-—]/g, "");
}

/** Collapse runs of white space to one space and trim; for display. */
export function tidy(text: string): string {
  return text.replace(/[\s\u3000]+/g, " ").trim();
}
