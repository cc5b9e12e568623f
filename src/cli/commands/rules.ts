import { RULES, type Severity } from "../../engine";
import { displayWidth } from "../../xlsx/summary/sheet";
import type { Args } from "../args";
import { out } from "../output";

const SEVERITY: Record<"zh-CN" | "en", Record<Severity, string>> = {
  "zh-CN": { error: "错误", warning: "提醒", info: "信息" },
  en: { error: "error", warning: "warning", info: "info" },
};

const pad = (s: string, width: number) => s + " ".repeat(Math.max(1, width - displayWidth(s)));

/** Every rule: id, severity and what it finds, in Chinese (or English with --lang en). */
export async function rules(args: Args): Promise<number> {
  const idWidth = Math.max(...RULES.map((r) => r.id.length)) + 2;
  const lines = RULES.map((r) => pad(r.id, idWidth) + pad(SEVERITY[args.lang][r.severity], 9) + (args.lang === "en" ? r.description.en : r.description.zh));
  await out(lines.join("\n") + "\n");
  return 0;
}
