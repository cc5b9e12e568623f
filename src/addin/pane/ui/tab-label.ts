import type { Strings } from "../strings";
import type { Tab } from "../state";

export function tabLabel(t: Strings, tab: Tab): string {
  return { results: t.tabResults, recalc: t.tabRecalc, narrative: t.tabNarrative, settings: t.tabSettings }[tab];
}
