import { useMemo } from "react";
import { Button, Caption1, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue } from "../../../engine";
import { cellPlaces, compareRows } from "../recalc-view";
import type { ChangeItem, RecalcOptions } from "../session";
import { cleanName, display, reasonText } from "../text";
import type { TabProps } from "./types";
import { useLang, useStrings } from "./context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  grid: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "right", verticalAlign: "top" },
    // Names wrap between words (Chinese between characters); figures never break.
    "& th:first-child, & td:first-child": { textAlign: "left", overflowWrap: "break-word", wordBreak: "normal", hyphens: "auto" },
    // Figures wrap only at the " / " between declared and recalculated.
    "& td": { wordBreak: "keep-all" },
  },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  change: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  previewList: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.5em", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  previewItem: { overflowWrap: "anywhere" },
  previewName: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS },
  preview: { border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, minWidth: 0 },
  fieldset: { border: "none", padding: 0, margin: 0, minWidth: 0 },
});

/** How a cell's content reads in the preview: the formula if it has one, else its value. */
function shown(value: CellValue | undefined, formula: string | null | undefined, empty: string): string {
  if (formula) return formula;
  if (value === null || value === undefined || value === "") return empty;
  return typeof value === "object" ? value.error : String(value);
}

export default function RecalcTab({ state, actions, busy }: TabProps) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const { result } = state;
  const { options, unticked, previewing } = state.recalc;
  const items = useMemo(() => (result ? actions.changeItems(options) : []), [result, options]);
  const place = useMemo(() => cellPlaces(result?.analysis.calcs ?? []), [result]);
  if (!result) return <Text>{t.noNarrative}</Text>;
  // A change that replaces a user formula starts unticked: the user must ask for it.
  const off = new Set(unticked ?? items.filter((i) => i.replacesFormula).map((i) => i.id));
  const chosen = items.filter((i) => !off.has(i.id));
  const ordered = [...chosen].sort((a, b) => (place(a.change.sheet, a.change.cell)?.order ?? 0) - (place(b.change.sheet, b.change.cell)?.order ?? 0));
  const nameOf = (i: ChangeItem) => {
    const p = place(i.change.sheet, i.change.cell);
    return p?.label === null ? t.gradeRow : cleanName(p?.label ?? "");
  };

  const toggle = (i: ChangeItem, on: boolean) => {
    const next = new Set(off);
    if (on) next.delete(i.id);
    else next.add(i.id);
    actions.untick([...next]);
  };
  const setOption = (k: keyof RecalcOptions, v: boolean) => actions.setRecalcOptions({ ...options, [k]: v });
  const scoring = result.analysis.calcs.filter((c) => c.table.kind === "scoring");

  return (
    <>
      <Caption1>{t.recalcIntro}</Caption1>
      {scoring.map((calc) => (
        <section key={calc.table.index} className={styles.section} aria-label={t.table(calc.table.index + 1)}>
          <h2 className={styles.heading}>
            {t.table(calc.table.index + 1)} · {cleanName(calc.table.projectName ?? calc.table.sheet)}
          </h2>
          <table className={styles.grid} data-testid="compare">
            <thead>
              <tr>
                <th scope="col">{t.colItem}</th>
                <th scope="col">
                  {t.colWeight}
                  <br />
                  {t.declared} / {t.computedShort}
                </th>
                <th scope="col">
                  {t.colScore}
                  <br />
                  {t.declared} / {t.computedShort}
                </th>
              </tr>
            </thead>
            <tbody>
              {compareRows(calc).map((r, i) => (
                <tr key={i} className={r.differs ? styles.differs : undefined} title={r.why ? display(lang === "en" ? r.why.en : r.why.zh, lang) : undefined}>
                  <th scope="row">{r.kind === "subtotal" ? t.subtotalRow(cleanName(r.label)) : r.kind === "total" ? t.totalRow : r.kind === "grade" ? t.gradeRow : r.kind === "rule" ? t.ruleScore : t.ruleRow(cleanName(r.label))}</th>
                  <td>{r.declaredWeight === r.weight ? r.weight : `${r.declaredWeight} / ${r.weight}`}</td>
                  <td>{r.kind === "grade" ? (r.declaredScore === r.score ? t.gradeName(r.score) : `${t.gradeName(r.declaredScore)} / ${t.gradeName(r.score)}`) : r.declaredScore === r.score ? r.score : `${r.declaredScore} / ${r.score}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <fieldset className={styles.fieldset}>
        <Checkbox label={t.optTotals} checked={options.totals} onChange={(_, d) => setOption("totals", !!d.checked)} data-testid="opt-totals" />
        <Checkbox label={t.optRescore} checked={options.rescore} onChange={(_, d) => setOption("rescore", !!d.checked)} data-testid="opt-rescore" />
        <Checkbox label={t.optRescale} checked={options.rescaleWeights} onChange={(_, d) => setOption("rescaleWeights", !!d.checked)} data-testid="opt-rescale" />
        <Checkbox label={t.optOverwrite} checked={options.overwriteFormulas} onChange={(_, d) => setOption("overwriteFormulas", !!d.checked)} data-testid="opt-overwrite" />
      </fieldset>
      <section className={styles.section} aria-label={t.changes(items.length)}>
        <h2 className={styles.heading}>{t.changes(items.length)}</h2>
        {items.length === 0 && <Caption1>{t.noChanges}</Caption1>}
        {items.map((i) => (
          <Checkbox
            key={i.id}
            checked={!off.has(i.id)}
            onChange={(_, d) => toggle(i, !!d.checked)}
            data-testid="change"
            label={
              <span className={styles.change}>
                <span>
                  <span className={styles.previewName}>{nameOf(i)}</span>
                  <span className={styles.mono}>{i.change.sheet}!{i.change.cell}</span> {reasonText(i.change.reason, lang, t.gradeName)}
                </span>
                {i.replacesFormula && <Caption1 className={styles.differs}>{t.replacesFormula}</Caption1>}
                {!i.changesFigure && <Caption1>{t.sameFigure}</Caption1>}
              </span>
            }
          />
        ))}
      </section>
      <div className={styles.actions}>
        <Button disabled={busy || chosen.length === 0} onClick={() => actions.preview(true)} data-testid="preview">
          {t.preview}
        </Button>
      </div>
      {previewing && chosen.length > 0 && (
        <section className={styles.preview} aria-label={t.previewTitle(chosen.length)} data-testid="preview-list">
          <h2 className={styles.heading}>{t.previewTitle(chosen.length)}</h2>
          <ol className={styles.previewList}>
            {ordered.map((i) => (
              <li key={i.id} className={styles.previewItem} data-testid="preview-row">
                <span className={styles.previewName}>{nameOf(i)}</span>
                <span className={styles.mono}>
                  {i.change.sheet}!{i.change.cell}
                </span>{" "}
                <span aria-label={t.before}>{shown(i.change.before?.value, i.change.before?.formula, t.empty)}</span>
                {" → "}
                <span aria-label={t.after}>{i.change.kind === "set-formula" ? `${i.change.formula}（= ${i.change.value ?? ""}）` : String(i.change.value)}</span>
              </li>
            ))}
          </ol>
          <Button appearance="primary" disabled={busy} onClick={() => actions.applyRecalc(chosen)} data-testid="apply">
            {t.apply}
          </Button>
        </section>
      )}
    </>
  );
}
