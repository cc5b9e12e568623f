import { useState } from "react";
import { Button, Caption1, Field, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { sectionHeading } from "../../../engine/narrative/generate";
import { draftLines, draftsOf, draftText, type NarrativeDraft } from "../narrative-draft";
import type { TabProps } from "./App";
import { useStrings } from "./context";

const useStyles = makeStyles({
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

export function NarrativeTab({ result, session, busy, change }: TabProps) {
  const t = useStrings();
  const styles = useStyles();
  const [drafts, setDrafts] = useState<NarrativeDraft[]>(() => (result ? draftsOf(result.analysis) : []));
  const [which, setWhich] = useState(0);
  const [copied, setCopied] = useState<string | null>(null);
  if (!result || drafts.length === 0) return <Text>{result ? t.noTables : t.noNarrative}</Text>;
  const draft = drafts[Math.min(which, drafts.length - 1)];

  const edit = (k: number, text: string) =>
    setDrafts(drafts.map((d) => (d === draft ? { ...d, sections: d.sections.map((s, i) => (i === k ? { ...s, text } : s)) } : d)));
  const insert = (where: "sheet" | "selection") =>
    change("applying", async () => {
      await session.insertNarrative(draftLines(draft), where);
      return t.inserted;
    });
  const copy = async () => {
    const text = draftText(draft);
    try {
      await navigator.clipboard.writeText(text);
      setCopied(t.copied);
    } catch {
      // Some Office webviews deny the async clipboard; the selection-based copy still works there.
      setCopied(copyBySelection(text) ? t.copied : t.copyFailed);
    }
  };

  return (
    <>
      <Caption1>{t.narrativeIntro}</Caption1>
      {drafts.length > 1 && (
        <Field label={t.narrativeFor}>
          <Select value={String(which)} onChange={(_, d) => setWhich(Number(d.value))}>
            {drafts.map((d, i) => (
              <option key={d.tableIndex} value={i}>
                {t.table(d.tableIndex + 1)} · {d.title}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <h2 className={styles.title} data-testid="narrative-title">{draft.title}</h2>
      {draft.sections.map((s, k) => (
        <Field key={s.key} label={sectionHeading(k, s.heading)}>
          <Textarea value={s.text} onChange={(_, d) => edit(k, d.value)} resize="vertical" rows={Math.min(10, 2 + s.text.split("\n").length)} data-testid={`section-${s.key}`} />
        </Field>
      ))}
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy} onClick={() => void insert("sheet")} data-testid="insert-sheet">{t.insertSheet}</Button>
        <Button disabled={busy} onClick={() => void insert("selection")} data-testid="insert-selection">{t.insertAtSelection}</Button>
        <Button onClick={() => void copy()} data-testid="copy">{t.copy}</Button>
      </div>
      {copied && <Caption1 role="status">{copied}</Caption1>}
    </>
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
