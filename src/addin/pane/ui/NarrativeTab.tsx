import { useEffect, useRef } from "react";
import { Badge, Button, Caption1, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { basisChanges, draftText } from "../narrative-draft";
import type { InsertPlan } from "../session";
import { currentDrafts } from "../state";
import { cleanName, display } from "../text";
import type { TabProps } from "./types";
import { useLang, useStrings } from "./context";

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  picker: { width: "100%", minWidth: 0, maxWidth: "100%", "& select": { minWidth: 0, textOverflow: "ellipsis" } },
  area: { width: "100%", minWidth: 0 },
  confirm: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, border: `1px solid ${tokens.colorBrandStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalS, minWidth: 0, overflowWrap: "anywhere" },
  occupied: { margin: 0, paddingLeft: "1.2em", fontSize: tokens.fontSizeBase200 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export default function NarrativeTab({ state, actions, busy }: TabProps) {
  const t = useStrings();
  const lang = useLang();
  const styles = useStyles();
  const drafts = currentDrafts(state);
  if (!state.result) return <Text>{t.noNarrative}</Text>;
  if (drafts.length === 0) return <Text>{t.noTables}</Text>;
  const current = drafts.find((d) => d.key === state.draftShown) ?? drafts[0];
  const { entry, key } = current;
  const draft = entry.draft;
  const paren = (a: string, b: string) => (lang === "en" ? `${a} (${b})` : `${a}（${b}）`);
  const labels = { weightTotal: t.weightTotal, scoreTotal: t.scoreTotal, ruleScore: t.ruleScore, grade: t.grade, declaredScore: paren(t.scoreTotal, t.declared), declaredGrade: paren(t.grade, t.declared) };

  const copy = async () => {
    const text = draftText(draft);
    try {
      await navigator.clipboard.writeText(text);
      actions.notify("narrative", t.copied);
    } catch {
      // Some Office webviews deny the async clipboard; the selection-based copy still works there.
      actions.notify("narrative", copyBySelection(text) ? t.copied : t.copyFailed);
    }
  };

  return (
    <>
      <Caption1>{t.narrativeIntro}</Caption1>
      {drafts.length > 1 && (
        <Field label={t.narrativeFor}>
          <Select className={styles.picker} value={key} onChange={(_, d) => actions.showDraft(d.value)} data-testid="narrative-table" data-content>
            {drafts.map((d) => (
              <option key={d.key} value={d.key}>
                {t.table(d.entry.draft.tableIndex + 1)} · {cleanName(d.entry.draft.title)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className={styles.row}>
        <h2 className={styles.title} data-testid="narrative-title" data-content>{cleanName(draft.title)}</h2>
        {entry.edited && (
          <>
            <Badge appearance="tint" color="brand" data-testid="edited">{t.edited}</Badge>
            <Button size="small" onClick={() => actions.discard(key)} data-testid="discard">{t.discard}</Button>
          </>
        )}
      </div>
      {entry.stale && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{t.staleDraft(basisChanges(entry.basis, entry.stale.basis, labels).join(t.listSep))}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => actions.regenerate(key)} data-testid="regenerate">{t.regenerate}</Button>
            <Button size="small" onClick={() => actions.keepDraft(key)} data-testid="keep-draft">{t.keepDraft}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {draft.sections.map((s, k) => (
        <Field key={s.key} label={t.sectionLabel(k, s.heading, s.key)}>
          <Textarea className={styles.area} value={s.text} onChange={(_, d) => actions.edit(key, k, d.value)} resize="vertical" rows={Math.min(10, 2 + s.text.split("\n").length)} data-testid={`section-${s.key}`} />
        </Field>
      ))}
      {state.pendingInsert ? (
        <InsertConfirm plan={state.pendingInsert} busy={busy} lang={lang} onChoose={(c) => actions.insert(state.pendingInsert!, c)} onCancel={actions.cancelInsert} />
      ) : (
        <div className={styles.actions}>
          <Button appearance="primary" disabled={busy} onClick={() => actions.planInsert(draft, "sheet")} data-testid="insert-sheet">{t.insertSheet}</Button>
          <Button disabled={busy} onClick={() => actions.planInsert(draft, "selection")} data-testid="insert-selection">{t.insertAtSelection}</Button>
          <Button onClick={() => void copy()} data-testid="copy">{t.copy}</Button>
        </div>
      )}
    </>
  );
}

/** What an insert will write, said before anything is written; occupied cells listed with their content. */
function InsertConfirm({ plan, busy, lang, onChoose, onCancel }: { plan: InsertPlan; busy: boolean; lang: "zh-CN" | "en"; onChoose: (c: "confirm" | "new-sheet" | "below") => void; onCancel: () => void }) {
  const t = useStrings();
  const styles = useStyles();
  // The question appears below the report text: bring it into view.
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.scrollIntoView({ block: "nearest" });
  }, [plan]);
  const n = plan.lines.length;
  const shownCells = plan.kind === "area" ? plan.occupied.slice(0, 5) : [];
  return (
    <section ref={box} className={styles.confirm} data-testid="insert-confirm" aria-live="polite">
      {plan.kind === "sheet" && <Text>{t.confirmSheet(plan.sheet, n)}</Text>}
      {plan.kind === "replace-sheet" && <Text>{t.confirmReplaceSheet(plan.sheet, n)}</Text>}
      {plan.kind === "area" && plan.occupied.length === 0 && <Text>{t.confirmArea(`${plan.sheet}!${plan.range}`, n)}</Text>}
      {plan.kind === "area" && plan.occupied.length > 0 && (
        <>
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t.occupied(`${plan.sheet}!${plan.range}`, plan.occupied.length)}</MessageBarTitle>
            </MessageBarBody>
          </MessageBar>
          <ul className={styles.occupied} data-testid="occupied">
            {shownCells.map((c) => (
              <li key={c.cell}>
                <span className={styles.mono}>{c.cell}</span>
                {t.colon}
                {display(c.formula ?? (typeof c.value === "object" && c.value ? c.value.error : String(c.value)), lang)}
              </li>
            ))}
            {plan.occupied.length > shownCells.length && <li>{t.moreCells(plan.occupied.length - shownCells.length)}</li>}
          </ul>
        </>
      )}
      <div className={styles.actions}>
        {plan.kind === "replace-sheet" ? (
          <>
            <Button appearance="primary" disabled={busy} onClick={() => onChoose("confirm")} data-testid="confirm-replace">{t.replaceSheet(plan.sheet)}</Button>
            <Button disabled={busy} onClick={() => onChoose("new-sheet")} data-testid="confirm-new-sheet">{t.newSheetInstead(plan.newSheet)}</Button>
          </>
        ) : plan.kind === "area" && plan.occupied.length > 0 ? (
          <>
            {plan.below && <Button appearance="primary" disabled={busy} onClick={() => onChoose("below")} data-testid="confirm-below">{t.belowInstead(`${plan.sheet}!${plan.below.range}`)}</Button>}
            <Button disabled={busy} onClick={() => onChoose("confirm")} data-testid="confirm-overwrite">{t.overwrite}</Button>
          </>
        ) : (
          <Button appearance="primary" disabled={busy} onClick={() => onChoose("confirm")} data-testid="confirm-insert">{t.insertHere}</Button>
        )}
        <Button disabled={busy} onClick={onCancel} data-testid="cancel-insert">{t.cancel}</Button>
      </div>
    </section>
  );
}

function copyBySelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
