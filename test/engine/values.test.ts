import { parseIndicatorValue, readComparator, isPercent } from "../../src/engine/values/indicator-value";
import { readNumber } from "../../src/engine/values/number-text";
import { norm } from "../../src/engine/text/normalize";
import { onTime, readDeadline } from "../../src/engine/values/deadline";
import { assessQuantity, assessWords } from "../../src/engine/recalc/assess";

describe("comparators typed as ASCII or look-alikes", () => {
  const cases: [string, string, string][] = [
    [">=95%", ">=", "95"],
    ["≥95%", ">=", "95"],
    ["≧95%", ">=", "95"],
    ["⩾95%", ">=", "95"],
    ["=>95%", ">=", "95"],
    ["＞＝95%", ">=", "95"],
    ["›=95%", ">=", "95"],
    ["不低于95%", ">=", "95"],
    ["不少于200人", ">=", "200"],
    ["95%以上", ">=", "95"],
    ["95%及以上", ">=", "95"],
    ["95%（含）以上", ">=", "95"],
    ["<=5%", "<=", "5"],
    ["=<5%", "<=", "5"],
    ["‹=5%", "<=", "5"],
    ["≦5%", "<=", "5"],
    ["⩽5%", "<=", "5"],
    ["不高于5%", "<=", "5"],
    ["不超过50万元", "<=", "50"],
    ["5%以下", "<=", "5"],
    ["3个工作日内", "<=", "3"],
    ["﹤3%", "<", "3"],
    ["‹3%", "<", "3"],
    ["﹥90%", ">", "90"],
    ["＞90%", ">", "90"],
    ["=100%", "=", "100"],
    ["＝100%", "=", "100"],
  ];
  it.each(cases)("%s reads %s %s", (text, comparator, number) => {
    const v = parseIndicatorValue(text);
    expect(v.kind).toBe("number");
    expect(v.comparator).toBe(comparator);
    expect(v.number!.toFixed()).toBe(number);
  });

  it("keeps the unit and the percent", () => {
    expect(parseIndicatorValue("≥95%").percent).toBe(true);
    expect(parseIndicatorValue("不超过50万元").unit).toBe("万元");
    expect(parseIndicatorValue("95%以上").percent).toBe(true);
  });

  it("reads look-alikes in a 指标性质 column", () => {
    expect(readComparator("=>")).toBe(">=");
    expect(readComparator("≧")).toBe(">=");
    expect(readComparator("=<")).toBe("<=");
    expect(readComparator("﹤")).toBe("<");
    expect(readComparator("＞＝")).toBe(">=");
    expect(readComparator("定性")).toBe("qualitative");
    expect(readComparator("说明")).toBeNull();
  });
});

describe("targets that are not plain figures", () => {
  it('"0起" is zero incidents', () => {
    const v = parseIndicatorValue("0起");
    expect(v).toMatchObject({ kind: "number", unit: "起" });
    expect(v.number!.isZero()).toBe(true);
    const met = assessQuantity(v, parseIndicatorValue("0起"), "positive")!;
    expect(met.status).toBe("met");
    expect(assessQuantity(v, parseIndicatorValue("2起"), "positive")!.status).toBe("missed");
  });

  it.each(["/", "／", "—", "——", "-", "不适用", "N/A"])('"%s" is not applicable', (text) => {
    const v = parseIndicatorValue(text);
    expect(v.kind).toBe("na");
    expect(v.number).toBeUndefined();
  });

  it.each([
    ["2023年12月底前", 2023, 12, null, true],
    ["12月31日前", null, 12, 31, true],
    ["2023年12月31日", 2023, 12, 31, false],
    ["2023-11-20", 2023, 11, 20, false],
    ["2023年底前完成", 2023, 12, null, true],
    ["年底前", null, 12, null, true],
    ["6月底前完成", null, 6, null, true],
  ])("%s is a deadline, never a number", (text, year, month, day, by) => {
    const v = parseIndicatorValue(text as string);
    expect(v.kind).toBe("text");
    expect(v.number).toBeUndefined();
    expect(v.deadline).toMatchObject({ year, month, day, by });
  });

  it("a date cell is a date, not its serial number", () => {
    const v = parseIndicatorValue(45280, "yyyy\"年\"m\"月\"d\"日\"");
    expect(v.kind).toBe("text");
    expect(v.deadline).toMatchObject({ year: 2023, month: 12, day: 20 });
    expect(parseIndicatorValue(0.95, "0%").kind).toBe("number");
    expect(parseIndicatorValue(12, "0.00").kind).toBe("number");
  });

  it("durations stay quantities", () => {
    expect(parseIndicatorValue("6个月")).toMatchObject({ kind: "number", unit: "个月" });
    expect(parseIndicatorValue("30日")).toMatchObject({ kind: "number", unit: "日" });
    expect(readDeadline("13月")).toBeNull();
  });

  it("compares a date with a deadline", () => {
    const due = readDeadline("2023年12月底前")!;
    expect(onTime(readDeadline("2023年11月20日")!, due)).toBe(true);
    expect(onTime(readDeadline("2023年12月")!, due)).toBe(true);
    expect(onTime(readDeadline("2024年1月5日")!, due)).toBe(false);
    expect(onTime(readDeadline("12月20日")!, readDeadline("12月15日前")!)).toBe(false);
    expect(assessWords(parseIndicatorValue("2023年12月底前"), parseIndicatorValue("2023年11月20日")).status).toBe("met");
    expect(assessWords(parseIndicatorValue("2023年12月底前"), parseIndicatorValue("2024年3月")).status).toBe("missed");
    expect(assessWords(parseIndicatorValue("2023年12月底前"), parseIndicatorValue("按期完成")).status).toBe("met");
  });
});

describe("a unit column applies to the target and the actual", () => {
  it("100 under a % column against 100% is 100% vs 100%", () => {
    const target = parseIndicatorValue(100, null, "%");
    const actual = parseIndicatorValue("100%");
    expect(isPercent(target)).toBe(true);
    expect(assessQuantity(target, actual, "positive")!.status).toBe("met");
    const bare = parseIndicatorValue("98");
    bare.unit = "%";
    expect(assessQuantity(target, bare, "positive")!.status).toBe("missed");
  });
});

describe("units", () => {
  it("reads centimetres, kilograms and per-capita rates", () => {
    expect(parseIndicatorValue("≥50厘米")).toMatchObject({ kind: "number", comparator: ">=", unit: "厘米" });
    expect(parseIndicatorValue("300公斤")).toMatchObject({ kind: "number", unit: "公斤" });
    const rate = parseIndicatorValue("5人/10万人");
    expect(rate).toMatchObject({ kind: "number", unit: "人/10万人" });
    expect(rate.number!.toFixed()).toBe("5");
  });
  it("never takes a figure after another figure for the value", () => {
    expect(parseIndicatorValue("5人/10万人").number!.toFixed()).not.toBe("10");
    expect(parseIndicatorValue("2023年完成100%").kind).toBe("text");
  });
  it("keeps a unit column that contradicts the text's own unit", () => {
    expect(parseIndicatorValue("5人/10万人", null, "%").columnUnit).toBe("%");
    expect(parseIndicatorValue("95%", null, "%").columnUnit).toBeUndefined();
    expect(parseIndicatorValue(95, null, "%").columnUnit).toBeUndefined();
  });
});

describe("remarks after the figure", () => {
  it.each([
    ["95%以上(含95%)", ">=", "95"],
    ["≥95%（含）", ">=", "95"],
    ["100%（已完成）", undefined, "100"],
    ["≤3天(含3天)", "<=", "3"],
  ])("%s reads %s %s", (text, comparator, number) => {
    const v = parseIndicatorValue(text);
    expect(v.kind).toBe("number");
    expect(v.comparator).toBe(comparator);
    expect(v.number!.toFixed()).toBe(number);
  });
  it("a bracket that holds the figure's meaning stays text", () => {
    expect(parseIndicatorValue("完成(部分)").kind).toBe("text");
  });
});

describe("words of opposite sense", () => {
  const status = (t: string, a: string) => assessWords(parseIndicatorValue(t), parseIndicatorValue(a)).status;
  it.each([
    ["零事故", "无"],
    ["杜绝重大安全事故", "无"],
    ["无违规", "合规"],
    ["安全", "无事故"],
    ["按期", "无延期"],
    ["通过", "未发现问题"],
    ["合格", "无不合格"],
    ["0起", "未发生"],
  ])("none of a harm meets %s (actual %s)", (t, a) => expect(status(t, a)).toBe("met"));
  it.each([
    ["是", "否"],
    ["有", "无"],
    ["有效", "无效"],
    ["完成", "未完成"],
    ["按期完成", "未按期完成"],
    ["明显改善", "未改善"],
    ["无违规", "违规1起"],
    ["优", "合格"],
    ["良好", "合格"],
    ["逐步提高", "有所下降"],
  ])("%s against %s is a miss", (t, a) => expect(status(t, a)).toBe("missed"));
  it.each([
    ["是", "无"],
    ["健全", "未建立"],
  ])("%s against %s is left unclear", (t, a) => expect(status(t, a)).toBe("unknown"));
  it("a better grade than asked meets it", () => expect(status("合格", "优秀")).toBe("met"));
});

describe("an actual typed as a bound", () => {
  const assess = (t: string, a: string, d: "positive" | "reverse") => assessQuantity(parseIndicatorValue(t), parseIndicatorValue(a), d)?.status;
  it("settles the comparison only when the bound does", () => {
    expect(assess("≥95%", "90%以上", "positive")).toBe("unknown");
    expect(assess("≥95%", "≥98%", "positive")).toBe("met");
    expect(assess("≥98%", "低于98%", "positive")).toBe("missed");
    expect(assess("≥95%", "未达到95%", "positive")).toBe("missed");
    expect(assess("≤3%", "≤5%", "reverse")).toBe("unknown");
    expect(assess("≤3%", "≤2%", "reverse")).toBe("met");
    expect(assess("≤3%", "超过5%", "reverse")).toBe("missed");
  });
  it("a bare figure a hundred times a 万 figure is not compared (its unit is unsaid)", () => {
    expect(assessQuantity(parseIndicatorValue("≤50万元"), parseIndicatorValue("485000"), "reverse")).toBeNull();
    expect(assess("≥1.5万亩", "14200亩", "positive")).toBe("missed");
  });
});

describe("a deadline without a year", () => {
  it("is due in the table's year", () => {
    const due = readDeadline("12月31日前完成")!;
    expect(onTime(readDeadline("2024年1月15日")!, due, 2023)).toBe(false);
    expect(onTime(readDeadline("2023年12月20日")!, due, 2023)).toBe(true);
    expect(assessWords(parseIndicatorValue("年内完成"), parseIndicatorValue("2024年3月完成"), 2023).status).toBe("missed");
  });
  it("takes the other side's year when the table gives none", () => {
    expect(onTime(readDeadline("2024年1月15日")!, readDeadline("12月31日前完成")!)).toBe(true);
  });
});

describe("figures as units type them, and as conversions leave them", () => {
  it.each([
    ["9,5", "9.5"],
    ["9。5", "9.5"],
    ["9.\n5", "9.5"],
    ["9\n.5", "9.5"],
    ["1,200", "1200"],
    ["1,234,567.5", "1234567.5"],
    ["\u200b10", "10"],
    ["10\u200b分", "10"],
  ])("%s reads %s", (text, value) => expect(readNumber(text)?.toString()).toBe(value));
  it("a comma that groups neither thousands nor decimals leaves the text unread", () => expect(readNumber("1,2345")).toBeNull());
  it.each(["10\n9", "9 5", "10，9", "100\n95.5"])("two figures in one cell (%j) are no figure", (text) => expect(readNumber(text)).toBeNull());
  it("traditional header words fold to simplified", () => expect(norm("權重 評分 一級指標 合計")).toBe("权重评分一级指标合计"));
});

describe("a score written with its reason", () => {
  it.each([
    ["9.5（扣0.5分）", "9.5"],
    ["8（扣2分，钢材涨价）", "8"],
    ["9分，部分农户未纳入统计", "9"],
    ["9分\n部分群众不满意", "9"],
    ["扣2分，得8分", "8"],
    ["实得9分", "9"],
  ])("%j reads %s", (text, value) => expect(readNumber(text)?.toString()).toBe(value));
  it.each(["10（9）", "10；10", "9（90%）"])("%j holds two figures and reads as none", (text) => expect(readNumber(text)).toBeNull());
});
