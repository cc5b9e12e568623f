import type { Severity } from "../rules/types";

/** Fill colours for marked cells, by severity (Excel's light red, yellow and blue "Good/Bad/Neutral"). */
export const MARK_FILLS: Record<Severity, string> = { error: "#FFC7CE", warning: "#FFEB9C", info: "#DDEBF7" };
