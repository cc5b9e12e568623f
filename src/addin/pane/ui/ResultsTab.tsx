import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Decimal } from "decimal.js";
import { countLine, rangeToA1, show, type Finding, type Severity, type TableCalc } from "../../../engine";
import { cleanName, display } from "../text";
import type { TabProps } from "./types";
import { useLang, useStrings } from "./context";

const useStyles = makeStyles({
  summary: { fontWeight: tokens.fontWeightSemibold },
  card: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  project: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  where: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  verdict: { margin: 0, display: "grid", gridTemplateColumns: "auto minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, rowGap: "2px", fontSize: tokens.fontSizeBase200, "& dt": { color: tokens.colorNeutralForeground2 }, "& dd": { margin: 0, overflowWrap: "anywhere" } },
  differs: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  plain: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
  finding: { width: "100%", maxWidth: "100%", justifyContent: "flex-start", textAlign: "left", alignItems: "flex-start", gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular, minWidth: 0, overflowWrap: "anywhere", flexWrap: "wrap" },
  cell: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0, maxWidth: "9em", overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  message: { minWidth: 0, flexBasis: "12em", flexGrow: 1 },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function ResultsTab({ state, actions, busy }: TabProps) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const result = state.result;
  if (!result) return null;
  const { analysis, stats, millis } = result;
  if (analysis.tables.length === 0) return <Text data-testid="no-tables">{t.noTables}</Text>;
  return (
    <>
      <Text className={styles.summary} data-testid="summary">
        {countLine(analysis.findings, lang)}
      </Text>
      <Caption1>
        {t.tablesFound(analysis.calcs.length)}
        {stats.syncs > 0 && ` · ${t.readStats(stats.syncs, Math.ceil(stats.largestPayloadBytes / 1024), millis)}`}
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" disabled={busy || analysis.findings.length === 0} data-testid="mark" onClick={actions.mark}>
          {t.markFindings}
        </Button>
        {state.marked && (
          <Button size="small" disabled={busy} data-testid="clear-marks" onClick={actions.clearMarks}>
            {t.clearMarks}
          </Button>
        )}
      </div>
      {analysis.calcs.map((calc) => (
        <TableCard key={calc.table.index} calc={calc} findings={analysis.findings.filter((f) => f.tableIndex === calc.table.index)} onGo={actions.goTo} />
      ))}
    </>
  );
}

/** A pair "99（填报 100）", the recalculated figure first, highlighted when the declared one differs. */
function Pair({ got, declared, format = (x) => x }: { got: string | null; declared: string | null; format?: (x: string) => string }) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const differs = got !== null && declared !== null && got !== declared;
  const [open, close] = lang === "en" ? [" (", ")"] : ["（", "）"];
  return (
    <span className={differs ? styles.differs : undefined} data-differs={differs || undefined}>
      {got === null ? t.notScored : format(got)}
      {declared !== null && differs ? `${open}${t.declared} ${format(declared)}${close}` : ""}
    </span>
  );
}

/** Indicators with a weight that no rule can score (qualitative without a band, missing figures…). */
function unscorable(calc: TableCalc): string[] {
  return calc.indicators.filter((c) => c.ruleScore === null && c.indicator.weight?.value?.gt(0)).map((c) => cleanName(c.indicator.name));
}

/** The 90 + 10 structure: indicators weigh 90 and the funds block's 预算执行率 the other 10. */
function fundsConvention(calc: TableCalc): boolean {
  const w = calc.table.funds?.weight?.value;
  return !!w && w.eq(10) && !!calc.indicatorWeightSum && calc.indicatorWeightSum.eq(90);
}

function TableCard({ calc, findings, onGo }: { calc: TableCalc; findings: Finding[]; onGo: (f: Finding) => void }) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const table = calc.table;
  const name = cleanName(table.projectName ?? table.title ?? table.sheet);
  const range = `${table.sheet}!${rangeToA1(table.range)}`;
  const str = (x: Decimal | null | undefined) => (x ? show(x) : null);
  const declaredScore = str(table.total?.score?.value);
  const declaredWeight = str(table.total?.weight?.value);
  const declaredGrade = table.declaredGrade?.grade ?? null;
  const differs = [
    [str(calc.scoreTotal), declaredScore],
    [str(calc.weightTotal), declaredWeight],
    [calc.grade, declaredGrade],
  ].some(([a, b]) => a !== null && b !== null && a !== b);
  const cannot = unscorable(calc);
  const showRule = !!calc.ruleScoreTotal && (!calc.scoreTotal || !calc.ruleScoreTotal.eq(calc.scoreTotal));
  return (
    <section className={styles.card} aria-label={`${t.table(table.index + 1)} ${name}`} data-testid="table">
      <h2 className={styles.project} data-testid="project">{name}</h2>
      <Caption1 className={styles.where}>
        {t.table(table.index + 1)} · {range}
        {table.kind === "target" ? ` · ${t.targetTable}` : ` · ${t.indicators(calc.weightedCount)}`}
      </Caption1>
      {table.kind === "scoring" && (
        <>
          <Text size={200} weight="semibold" className={differs ? styles.differs : undefined} data-testid="verdict">
            {differs ? t.verdictDiffers : t.verdictOk}
          </Text>
          <dl className={styles.verdict}>
            <dt>{t.scoreTotal}</dt>
            <dd data-testid="score-total">
              <Pair got={str(calc.scoreTotal)} declared={declaredScore} />
            </dd>
            <dt>{t.weightTotal}</dt>
            <dd>
              <Pair got={str(calc.weightTotal)} declared={declaredWeight} />
            </dd>
            {showRule && (
              <>
                <dt>{t.ruleScore}</dt>
                <dd data-testid="rule-score">{str(calc.ruleScoreTotal)}</dd>
              </>
            )}
            <dt>{t.grade}</dt>
            <dd data-testid="grade">
              <Pair got={calc.grade} declared={declaredGrade} format={t.gradeName} />
            </dd>
          </dl>
          {showRule && <Caption1 className={styles.note}>{t.ruleScoreHelp}</Caption1>}
          {fundsConvention(calc) && <Caption1 className={styles.note} data-testid="funds-convention">{t.fundsConvention}</Caption1>}
          {calc.table.weightScale && calc.table.weightScale !== "points" && (
            <Caption1 className={styles.note} data-testid="weight-scale">
              {t.weightScale[calc.table.weightScale]}
            </Caption1>
          )}
          {cannot.length > 0 && (
            <div data-testid="unscorable">
              <Caption1 className={styles.note}>{t.unscorable(cannot.length)}</Caption1>
              <ul className={styles.plain}>
                {cannot.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {findings.length === 0 ? (
        <Caption1>{t.noFindings}</Caption1>
      ) : (
        SEVERITIES.map((sev) => {
          const group = findings.filter((f) => f.severity === sev);
          if (!group.length) return null;
          return (
            <ul key={sev} className={styles.list} aria-label={`${t.severity[sev]} ${group.length}`}>
              {group.map((f, i) => {
                const ref = f.sheet === table.sheet ? f.cell : `${f.sheet}!${f.cell}`;
                return (
                  <li key={i}>
                    <Button
                      appearance="subtle"
                      size="small"
                      className={styles.finding}
                      data-testid="finding"
                      data-rule={f.rule}
                      data-cell={`${f.sheet}!${f.cell}`}
                      title={t.goTo(`${f.sheet}!${f.cell}`)}
                      onClick={() => onGo(f)}
                    >
                      <Badge appearance="tint" color={COLOR[sev]} size="small" className={styles.badge}>
                        {t.severity[sev]}
                      </Badge>
                      {/* A long sheet name is cut with "…"; the whole reference shows on hover. */}
                      <span className={styles.cell} title={ref}>
                        {ref}
                      </span>
                      <span className={styles.message}>{display(lang === "en" ? f.message.en : f.message.zh, lang)}</span>
                    </Button>
                  </li>
                );
              })}
            </ul>
          );
        })
      )}
    </section>
  );
}

