import type { Analysis } from "../../engine/analyze";
import type { NarrativeLine } from "../../engine/changes/types";
import { generateNarrative, narrativeLines, type Narrative } from "../../engine/narrative/generate";

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
      return { tableIndex: calc.table.index, title: n.title, sections: n.sections.map((s) => ({ key: s.key, heading: s.heading, text: s.paragraphs.join("\n") })) };
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
