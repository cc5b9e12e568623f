import { useMemo, useState } from "react";
import { Button, Caption1, Checkbox, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { CellValue } from "../../../engine/grid/types";
import { compareRows } from "../recalc-view";
import { DEFAULT_RECALC, type ChangeItem, type RecalcOptions } from "../session";
import type { TabProps } from "./App";
import { useLang, useStrings } from "./context";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  grid: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200, "& th, & td": { padding: "2px 4px", borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, textAlign: "right", verticalAlign: "top" }, "& th:first-child, & td:first-child": { textAlign: "left", overflowWrap: "anywhere" } },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  change: { display: "flex", flexDirection: "column" },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  previewList: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: "1.5em", display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, fontSize: tokens.fontSizeBase200 },
  previewItem: { overflowWrap: "anywhere", "& > span:first-child": { marginRight: tokens.spacingHorizontalS, whiteSpace: "nowrap" } },
  preview: { border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS },
});

/** How a cell's content reads in the preview: the formula if it has one, else its value. */
function shown(value: CellValue | undefined, formula: string | null | undefined, empty: string): string {
  if (formula) return formula;
  if (value === null || value === undefined || value === "") return empty;
  return typeof value === "object" ? value.error : String(value);
}

export function RecalcTab({ result, session, busy, change }: TabProps) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [options, setOptions] = useState<RecalcOptions>(DEFAULT_RECALC);
  const items = useMemo(() => (result ? session.changeItems(result, options) : []), [result, session, options]);
  // A change that replaces a user formula starts unticked: the user must ask for it.
  const [unticked, setUnticked] = useState<Set<string> | null>(null);
  const off = unticked ?? new Set(items.filter((i) => i.replacesFormula).map((i) => i.id));
  const chosen = items.filter((i) => !off.has(i.id));
  const [previewing, setPreviewing] = useState(false);
  if (!result) return <Text>{t.noNarrative}</Text>;

  const toggle = (i: ChangeItem, on: boolean) => {
    const next = new Set(off);
    if (on) next.delete(i.id);
    else next.add(i.id);
    setUnticked(next);
    setPreviewing(false);
  };
  const setOption = (k: keyof RecalcOptions, v: boolean) => {
    setOptions({ ...options, [k]: v });
    setUnticked(null);
    setPreviewing(false);
  };
  const apply = () =>
    change("applying", async () => {
      await session.apply({ title: { zh: "重新计算", en: "Recalculation" }, changes: chosen.map((i) => i.change) });
      return t.applied(chosen.length);
    });
  const scoring = result.analysis.calcs.filter((c) => c.table.kind === "scoring");

  return (
    <>
      <Caption1>{t.recalcIntro}</Caption1>
      {scoring.map((calc) => (
        <section key={calc.table.index} className={styles.section} aria-label={t.table(calc.table.index + 1)}>
          <h2 className={styles.heading}>
            {t.table(calc.table.index + 1)} · {calc.table.sheet}
          </h2>
          <table className={styles.grid} data-testid="compare">
            <thead>
              <tr>
                <th scope="col">{t.colItem}</th>
                <th scope="col">{t.colWeight}<br />{t.declared}/{t.computed}</th>
                <th scope="col">{t.colScore}<br />{t.declared}/{t.computed}</th>
              </tr>
            </thead>
            <tbody>
              {compareRows(calc).map((r, i) => (
                <tr key={i} className={r.differs ? styles.differs : undefined} title={r.why ? (lang === "en" ? r.why.en : r.why.zh) : undefined}>
                  <th scope="row">{r.kind === "subtotal" ? t.subtotalRow(r.label) : r.kind === "total" ? t.totalRow : r.kind === "grade" ? t.gradeRow : r.kind === "rule" ? t.ruleScore : t.ruleRow(r.label)}</th>
                  <td>{r.declaredWeight === r.weight ? r.weight : `${r.declaredWeight} / ${r.weight}`}</td>
                  <td>{r.declaredScore === r.score ? r.score : `${r.declaredScore} / ${r.score}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <fieldset className={styles.section} style={{ border: "none", padding: 0, margin: 0 }}>
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
                  <span className={styles.mono}>{i.change.sheet}!{i.change.cell}</span> {i.change.reason}
                </span>
                {i.replacesFormula && <Caption1 className={styles.differs}>{t.replacesFormula}</Caption1>}
                {!i.changesFigure && <Caption1>{t.sameFigure}</Caption1>}
              </span>
            }
          />
        ))}
      </section>
      <div className={styles.actions}>
        <Button disabled={busy || chosen.length === 0} onClick={() => setPreviewing(true)} data-testid="preview">{t.preview}</Button>
      </div>
      {previewing && chosen.length > 0 && (
        <section className={styles.preview} aria-label={t.previewTitle(chosen.length)} data-testid="preview-list">
          <h2 className={styles.heading}>{t.previewTitle(chosen.length)}</h2>
          <ol className={styles.previewList}>
            {chosen.map(({ id, change: c }) => (
              <li key={id} className={styles.previewItem}>
                <span className={styles.mono}>{c.sheet}!{c.cell}</span>
                <span>
                  <span aria-label={t.before}>{shown(c.before?.value, c.before?.formula, t.empty)}</span>
                  {" → "}
                  <span aria-label={t.after}>{c.kind === "set-formula" ? `${c.formula}（= ${c.value ?? ""}）` : String(c.value)}</span>
                </span>
              </li>
            ))}
          </ol>
          <Button appearance="primary" disabled={busy} onClick={() => void apply()} data-testid="apply">{t.apply}</Button>
        </section>
      )}
    </>
  );
}
