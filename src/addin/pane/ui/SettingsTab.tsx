import { useState } from "react";
import { Button, Caption1, Field, Input, Select } from "@fluentui/react-components";
import { validTolerance, type PaneSettings } from "../settings";
import { useStrings } from "./context";

export function SettingsTab({ settings, onSave, busy }: { settings: PaneSettings; onSave: (s: PaneSettings) => void; busy: boolean }) {
  const t = useStrings();
  const [s, setS] = useState(settings);
  const toleranceOk = validTolerance(s.tolerance);
  return (
    <>
      <Caption1>{t.settingsIntro}</Caption1>
      <Field label={t.reverseRule}>
        <Select value={s.reverseRule} onChange={(_, d) => setS({ ...s, reverseRule: d.value as PaneSettings["reverseRule"] })} data-testid="set-reverse">
          <option value="ratio">{t.reverseRatio}</option>
          <option value="linear">{t.reverseLinear}</option>
        </Select>
      </Field>
      <Field label={t.tolerance} validationState={toleranceOk ? "none" : "error"} validationMessage={toleranceOk ? undefined : "0 – 1"}>
        <Input value={s.tolerance} inputMode="decimal" onChange={(_, d) => setS({ ...s, tolerance: d.value })} data-testid="set-tolerance" />
      </Field>
      <Field label={t.split}>
        <Select value={s.split} onChange={(_, d) => setS({ ...s, split: d.value as PaneSettings["split"] })} data-testid="set-split">
          <option value="auto">{t.splitAuto}</option>
          <option value="always">{t.splitAlways}</option>
          <option value="never">{t.splitNever}</option>
        </Select>
      </Field>
      <Field label={t.language}>
        <Select value={s.language} onChange={(_, d) => setS({ ...s, language: d.value as PaneSettings["language"] })} data-testid="set-language">
          <option value="auto">{t.langAuto}</option>
          <option value="zh-CN">简体中文</option>
          <option value="en">English</option>
        </Select>
      </Field>
      <Button appearance="primary" disabled={busy || !toleranceOk} onClick={() => onSave(s)} data-testid="save-settings">
        {t.save}
      </Button>
    </>
  );
}
