import { Badge, Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity } from "../../../engine/rules/types";
import { countLine, summarizeTable, type TableSummary } from "../../../engine/report";
import type { TabProps } from "./App";
import { useLang, useStrings } from "./context";

const useStyles = makeStyles({
  summary: { fontWeight: tokens.fontWeightSemibold },
  table: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  tableHead: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  figures: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  finding: { width: "100%", justifyContent: "flex-start", textAlign: "left", alignItems: "flex-start", gap: tokens.spacingHorizontalS, fontWeight: tokens.fontWeightRegular, minWidth: 0, overflowWrap: "anywhere" },
  cell: { fontFamily: tokens.fontFamilyMonospace, flexShrink: 0 },
  badge: { flexShrink: 0, whiteSpace: "nowrap" },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export function ResultsTab({ result, session, busy, change, fail }: TabProps) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  if (!result) return <Text>{t.notChecked}</Text>;
  const { analysis, stats, millis } = result;
  if (analysis.tables.length === 0) return <Text data-testid="no-tables">{t.noTables}</Text>;
  const summaries = analysis.calcs.map(summarizeTable);
  const marked = session.hasMarks();
  return (
    <>
      <Text className={styles.summary} data-testid="summary">
        {countLine(analysis.findings, lang)}
      </Text>
      <Caption1>
        {t.tablesFound(summaries.length)}
        {stats.syncs > 0 && ` · ${t.readStats(stats.syncs, Math.ceil(stats.largestPayloadBytes / 1024), millis)}`}
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" disabled={busy || analysis.findings.length === 0} data-testid="mark" onClick={() => void change("applying", async () => t.marksOn(await session.markFindings(result)))}>
          {t.markFindings}
        </Button>
        {marked && (
          <Button size="small" disabled={busy} data-testid="clear-marks" onClick={() => void change("undoing", async () => (await session.clearMarks(), null))}>
            {t.clearMarks}
          </Button>
        )}
      </div>
      {summaries.map((s) => (
        <TableCard key={s.index} summary={s} findings={analysis.findings.filter((f) => f.tableIndex === s.index)} onGo={(f) => session.gateway.select(f.sheet, f.cell).catch(fail)} />
      ))}
    </>
  );
}

function TableCard({ summary: s, findings, onGo }: { summary: TableSummary; findings: Finding[]; onGo: (f: Finding) => void }) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const [open, close] = lang === "en" ? [" (", ")"] : ["（", "）"];
  const pair = (got: string | null, declared: string | null) => `${got ?? "—"}${declared !== null ? `${open}${t.declared} ${declared}${close}` : ""}`;
  return (
    <section className={styles.table} aria-label={`${t.table(s.index + 1)} ${s.sheet}!${s.range}`} data-testid="table">
      <h2 className={styles.tableHead}>
        {t.table(s.index + 1)} · {s.sheet}!{s.range}
        {s.title || s.projectName ? ` · ${[s.title, s.projectName].filter(Boolean).join(" · ")}` : ""}
      </h2>
      <Caption1 className={styles.figures}>
        {s.kind === "target"
          ? `${t.targetTable} · ${t.indicators(s.indicators)}`
          : `${t.indicators(s.indicators)} · ${t.weightTotal} ${pair(s.weightTotal, s.declaredWeightTotal)} · ${t.scoreTotal} ${pair(s.scoreTotal, s.declaredScoreTotal)}` +
            (s.ruleScoreTotal ? ` · ${t.ruleScore} ${s.ruleScoreTotal}` : "") +
            (s.grade ? ` · ${t.grade} ${pair(s.grade, s.declaredGrade)}` : "")}
      </Caption1>
      {findings.length === 0 ? (
        <Caption1>{t.noFindings}</Caption1>
      ) : (
        SEVERITIES.map((sev) => {
          const group = findings.filter((f) => f.severity === sev);
          if (!group.length) return null;
          return (
            <ul key={sev} className={styles.list} aria-label={`${t.severity[sev]} ${group.length}`}>
              {group.map((f, i) => (
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
                    <Badge appearance="tint" color={COLOR[sev]} size="small" className={styles.badge}>{t.severity[sev]}</Badge>
                    <span className={styles.cell}>{f.sheet === s.sheet ? f.cell : `${f.sheet}!${f.cell}`}</span>
                    <span>{lang === "en" ? f.message.en : f.message.zh}</span>
                  </Button>
                </li>
              ))}
            </ul>
          );
        })
      )}
    </section>
  );
}
