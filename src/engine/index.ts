/**
 * The engine's public API: everything the CLI, the add-in, the .xlsx layer and scripts may use.
 * The engine is pure (no Office.js, no DOM, no Node): callers hand it a grid snapshot and get an
 * analysis, change sets and report text back. Import from here, never from the files behind it.
 */
export { analyzeWorkbook, type Analysis } from "./analyze";
export { withDefaults, type EngineOptions } from "./options";
export { InputError } from "./errors";
export type { CellError, CellPos, CellRange, CellValue, SheetSnapshot, WorkbookSnapshot } from "./grid/types";
export { isCellError } from "./grid/types";
export { colToLetters, lettersToCol, parseA1, parseRangeA1, posToA1, quoteSheet, rangeToA1, toA1 } from "./grid/address";
export { snapshotCells } from "./grid/snapshot-cells";
export type { ScoringTable, Indicator, Grade, TextBlock, Doubt, TableForm } from "./model";
export type { TableCalc } from "./recalc/table-calc";
export { RULES, ruleById, RULE_CRASHED, type RuleFailure } from "./rules";
export type { UncomputedCell } from "./formula/workbook";
export { GRADE_BANDS, GRADE_EN, gradeOf, NATIONAL_SPLIT, ROUNDING_TOLERANCE } from "./standards";
export type { Finding, Message, Rule, Severity } from "./rules/types";
export { analysisJson, countLine, counts, summarizeFinding, summarizeTable, type FindingSummary, type TableSummary } from "./report";
export { generateNarrative, narrativeLines, narrativeText, sectionHeading, type Narrative } from "./narrative/generate";
export { markChanges, planFix, REPORT_SHEET, type FixOptions } from "./changes/plan";
export type { Change, ChangeSet, CellState, NarrativeLine } from "./changes/types";
export { MARK_FILLS } from "./changes/mark-style";
export { InvalidChange, NOTE_AUTHOR, NOTE_TAG, noteLine, operationsOf, touchedCells, withOwnNoteLines, type Aspect, type CellContent, type Operation, type UndoTarget } from "./changes/operations";
export { officeText } from "./changes/safe-text";
export { show } from "./values/decimal";
