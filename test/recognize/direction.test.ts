import { directionOf } from "../../src/engine/recognize/direction";
import { parseIndicatorValue } from "../../src/engine/values/indicator-value";

describe("a rate's own word decides which way it counts", () => {
  const bare = parseIndicatorValue("95%");
  it.each(["投诉举报按时办结率", "欠薪案件结案率", "政策范围内住院费用报销比例", "事故隐患整改率", "安全事故隐患排查覆盖率", "投诉满意度", "耗时缩短率", "成本节约率"])(
    "%s counts up",
    (name) => expect(directionOf(null, bare, name, null)).toBe("positive"),
  );
  it.each(["事故发生率", "药占比", "差错率", "孕产妇死亡率", "空置率", "单位成本", "群众投诉"])("%s counts down", (name) =>
    expect(directionOf(null, bare, name, null)).toBe("reverse"),
  );
});
