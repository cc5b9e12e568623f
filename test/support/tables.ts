import type { CellValue, SheetSnapshot } from "../../src/engine/grid/types";
import { sheet } from "./grid";

/** One indicator row of a layout-A table: 一级, 二级, 三级, 年初指标值, 实际完成值, 权重, 得分, 评分依据. */
export type Row = [string | null, string | null, string, CellValue, CellValue, CellValue, CellValue, string?];

export interface TableSpec {
  name?: string;
  rows: Row[];
  /** 总计 row: [weight, score]; omit for none. Values may be {f, v} formulas. */
  total?: [unknown, unknown];
  /** Rows above the header (title, project name). */
  above?: CellValue[][];
  /** Rows below the table (grade, narrative). */
  below?: CellValue[][];
  merges?: boolean;
}

/**
 * A layout-A scoring table (the 如皋 form): title, two-row header under 评价指标, indicator rows with
 * 一级/二级 merged (or blank when merges=false), and a 总计 row. Rows start at A1.
 */
export function layoutA(spec: TableSpec): SheetSnapshot {
  const above = spec.above ?? [["2021 年项目支出绩效自评价评分表"]];
  const head = above.length;
  const rows: unknown[][] = [
    ...above,
    ["评价指标", null, null, "年初指标值", "实际完成值", "权重", "得分", "评分依据"],
    ["一级指标", "二级指标", "三级指标"],
  ];
  const merges = [`A${head + 1}:C${head + 1}`, ...["D", "E", "F", "G", "H"].map((c) => `${c}${head + 1}:${c}${head + 2}`)];
  const first = head + 3;
  spec.rows.forEach((r) => rows.push([r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7] ?? null]));
  // Merge runs of blank 一级/二级 under their name, as the Word original had them.
  for (const col of [0, 1]) {
    let start = -1;
    spec.rows.forEach((r, i) => {
      if (r[col] !== null) {
        if (start >= 0 && i - 1 > start) merges.push(`${"AB"[col]}${first + start}:${"AB"[col]}${first + i - 1}`);
        start = i;
      }
    });
    if (start >= 0 && spec.rows.length - 1 > start) merges.push(`${"AB"[col]}${first + start}:${"AB"[col]}${first + spec.rows.length - 1}`);
  }
  if (spec.total) {
    rows.push(["总计", null, null, null, null, spec.total[0], spec.total[1]]);
    merges.push(`A${rows.length}:E${rows.length}`);
  }
  rows.push(...(spec.below ?? []));
  return sheet(spec.name ?? "评分表", rows as never, spec.merges === false ? [] : merges);
}

/** A consistent 100-point table used as the base of most rule tests. */
export function cleanRows(): Row[] {
  return [
    ["决策指标", "项目立项", "立项依据充分性", "充分", "充分", 10, 10, "立项是否有政策依据"],
    [null, null, "立项程序规范性", "规范", "规范", 10, 10, "立项程序是否规范"],
    ["过程指标", "资金管理", "资金到位率", "100%", "100%", 10, 10, "资金是否足额拨付"],
    ["产出指标", "数量指标", "参保人数", "≥10000人", "10200人", 20, 20, ""],
    [null, "质量指标", "发放准确率", "≥98%", "99%", 20, 20, ""],
    ["效益指标", "社会效益指标", "促进社会和谐发展", "是", "是", 20, 20, ""],
    ["满意度指标", "满意度指标", "百姓满意度", "≥95%", "98%", 10, 10, ""],
  ];
}
