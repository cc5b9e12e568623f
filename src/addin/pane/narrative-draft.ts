import { generateNarrative, narrativeLines, type Analysis, type Narrative, type NarrativeLine } from "../../engine";
import { cleanName, display } from "./text";

/** A table's generated narrative as editable text: one text per section, a paragraph per line. */
export interface NarrativeDraft {
  tableIndex: number;
  title: string;
  sections: { key: string; heading: string; text: string }[];
}

export function draftsOf(analysis: Analysis): NarrativeDraft[] {
  return analysis.calcs
    .filter((c) => c.table.kind === "scoring")
    .map((calc) => {
      const n = generateNarrative(calc, analysis.findings);
      // As officials write it: the project's name without blank-fill underscores, mainland
      // punctuation, labels set off from their values.
      const raw = calc.table.projectName;
      const tidy = (text: string) => display(raw && cleanName(raw) !== raw ? text.split(raw).join(cleanName(raw)) : text, "zh-CN");
      return { tableIndex: calc.table.index, title: tidy(n.title), sections: n.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.paragraphs.map(tidy).join("\n") })) };
    });
}

/** The edited draft back to worksheet lines: title, numbered headings (一、评价结论), paragraphs. */
export function draftLines(d: NarrativeDraft): NarrativeLine[] {
  const n: Narrative = {
    title: d.title,
    sections: d.sections.map((s) => ({
      key: s.key as Narrative["sections"][number]["key"],
      heading: s.heading,
      paragraphs: s.text
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter(Boolean),
    })),
  };
  return narrativeLines(n);
}

/** Plain text for Word: the same lines, one per paragraph. */
export function draftText(d: NarrativeDraft): string {
  return draftLines(d)
    .map((l) => l.text)
    .join("\n");
}

/** The figures a draft was written from: when they change, the pane offers to draft again. */
export interface DraftBasis {
  weightTotal: string;
  scoreTotal: string;
  ruleScore: string;
  grade: string;
  declaredScore: string;
  declaredGrade: string;
}

export function basisOf(analysis: Analysis, tableIndex: number): DraftBasis | null {
  const calc = analysis.calcs.find((c) => c.table.index === tableIndex);
  if (!calc) return null;
  const t = calc.table;
  return {
    weightTotal: calc.weightTotal?.toString() ?? "—",
    scoreTotal: calc.scoreTotal?.toString() ?? "—",
    ruleScore: calc.ruleScoreTotal?.toString() ?? "—",
    grade: calc.grade ?? "—",
    declaredScore: t.total?.score?.value?.toString() ?? "—",
    declaredGrade: t.declaredGrade?.grade ?? "—",
  };
}

/** "得分合计 98 → 99.25" for each figure that changed; empty when none did. */
export function basisChanges(from: DraftBasis, to: DraftBasis, labels: Record<keyof DraftBasis, string>): string[] {
  return (Object.keys(from) as (keyof DraftBasis)[]).filter((k) => from[k] !== to[k]).map((k) => `${labels[k]} ${from[k]} → ${to[k]}`);
}

/** Where a table's draft is kept: its sheet and position in the analysis. */
export function draftKey(sheet: string, tableIndex: number): string {
  return `${sheet}#${tableIndex}`;
}
