import { useState } from "react";
import { Button, Caption1, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { validTolerance, type PaneSettings } from "../settings";
import type { SettingsTabProps } from "./types";
import { useStrings } from "./context";

const useStyles = makeStyles({
  field: { minWidth: 0, "& select": { minWidth: 0 } },
  full: { width: "100%", minWidth: 0, maxWidth: "100%" },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
});

export default function SettingsTab({ settings, onSave, busy }: SettingsTabProps) {
  const t = useStrings();
  const styles = useStyles();
  const [s, setS] = useState(settings);
  const toleranceOk = validTolerance(s.tolerance);
  const dirty = JSON.stringify(s) !== JSON.stringify(settings);
  return (
    <>
      <Caption1>{t.settingsIntro}</Caption1>
      <Field className={styles.field} label={t.reverseRule}>
        <Select className={styles.full} value={s.reverseRule} onChange={(_, d) => setS({ ...s, reverseRule: d.value as PaneSettings["reverseRule"] })} data-testid="set-reverse">
          <option value="ratio">{t.reverseRatio}</option>
          <option value="linear">{t.reverseLinear}</option>
        </Select>
      </Field>
      <Field
        className={styles.field}
        label={t.tolerance}
        hint={toleranceOk ? t.toleranceHint : undefined}
        validationState={toleranceOk ? "none" : "error"}
        validationMessage={toleranceOk ? undefined : t.toleranceBad}
      >
        <Input className={styles.full} value={s.tolerance} inputMode="decimal" contentAfter={<span aria-hidden>{t.toleranceUnit}</span>} onChange={(_, d) => setS({ ...s, tolerance: d.value })} data-testid="set-tolerance" />
      </Field>
      <Field className={styles.field} label={t.split} hint={t.splitHint}>
        <Select className={styles.full} value={s.split} onChange={(_, d) => setS({ ...s, split: d.value as PaneSettings["split"] })} data-testid="set-split">
          <option value="auto">{t.splitAuto}</option>
          <option value="always">{t.splitAlways}</option>
          <option value="never">{t.splitNever}</option>
        </Select>
      </Field>
      <Field className={styles.field} label={t.language}>
        <Select className={styles.full} value={s.language} onChange={(_, d) => setS({ ...s, language: d.value as PaneSettings["language"] })} data-testid="set-language">
          <option value="auto">{t.langAuto}</option>
          <option value="zh-CN" lang="zh-CN" data-content>
            简体中文
          </option>
          <option value="en" lang="en">
            English
          </option>
        </Select>
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !toleranceOk} onClick={() => onSave(s)} data-testid="save-settings">
          {t.save}
        </Button>
        {dirty && <Caption1 data-testid="unsaved">{t.unsaved}</Caption1>}
      </div>
    </>
  );
}
