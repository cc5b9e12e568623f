import { analyzeWorkbook, generateNarrative, InputError, narrativeText } from "../../engine";
import type { Args } from "../args";
import { tableNumber } from "../format";
import { loadAny } from "../load";
import { out } from "../output";

/** The report sections of every scoring table, or of 表N (numbered as check numbers them). */
export async function narrative(args: Args): Promise<number> {
  const file = args.files[0];
  const { snapshot, dispose } = await loadAny(file, file);
  try {
    const a = analyzeWorkbook(snapshot, { lang: args.lang, reverseRule: args.reverseRule });
    const scoring = a.calcs.filter((c) => c.table.kind === "scoring");
    if (scoring.length === 0) throw new InputError("empty", `${file}：未找到绩效评分表`, `${file}: no scoring table found`);
    let chosen = scoring;
    if (args.table !== undefined) {
      const calc = a.calcs.find((c) => tableNumber(c.table.index) === args.table);
      if (!calc) throw new InputError("unreadable", `--table ${args.table} 超出范围（共 ${a.calcs.length} 张表，编号同 check 的“表N”）`, `--table ${args.table} is out of range (${a.calcs.length} tables, numbered as check's "Table N")`);
      if (calc.table.kind !== "scoring")
        throw new InputError("unreadable", `表${args.table} 是目标表（无权重和得分），无法生成评价叙述`, `Table ${args.table} is a target table (no weights or scores); there is nothing to narrate`);
      chosen = [calc];
    }
    await out(chosen.map((c) => narrativeText(generateNarrative(c, a.findings))).join("\n\n") + "\n");
    return 0;
  } finally {
    await dispose();
  }
}
