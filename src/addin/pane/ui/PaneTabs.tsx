import { Suspense, lazy } from "react";
import { Overflow, OverflowItem, Tab, TabList, makeStyles, useOverflowMenu } from "@fluentui/react-components";
import { TABS, type Tab as TabName } from "../state";
import { tabLabel } from "./tab-label";
import { useStrings } from "./context";

// The "⋯" menu shows only when tabs overflow (high zoom): its code loads then, not on the first screen.
const MoreTabsMenu = lazy(() => import(/* webpackChunkName: "tab-menu" */ "./MoreTabsMenu"));

const useStyles = makeStyles({
  // The overflow manager measures this box: the tabs that don't fit move into the menu.
  list: { minWidth: 0, overflow: "hidden", flexWrap: "nowrap" },
  more: { minWidth: "auto", flexShrink: 0, border: "none", background: "transparent", cursor: "pointer", padding: "0 8px", font: "inherit", color: "inherit" },
});

function MoreTabs({ onSelect }: { onSelect: (t: TabName) => void }) {
  const t = useStrings();
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  // The placeholder keeps the button's place while its menu code loads, so the overflow measure holds.
  const button = (
    <button ref={ref} type="button" className={styles.more} aria-label={`${t.moreTabs} (${overflowCount})`} data-testid="more-tabs">
      ⋯
    </button>
  );
  if (!isOverflowing) return null;
  return (
    <Suspense fallback={button}>
      <MoreTabsMenu trigger={button} onSelect={onSelect} />
    </Suspense>
  );
}

/** The tab list; at high zoom the tabs that don't fit go into a "⋯" menu, so every tab stays reachable. */
export function PaneTabs({ tab, onSelect }: { tab: TabName; onSelect: (t: TabName) => void }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    // Keyed by the selected tab: the overflow manager measures again, keeping the selected tab in view.
    <Overflow minimumVisible={1} key={tab}>
      <TabList className={styles.list} selectedValue={tab} onTabSelect={(_, d) => onSelect(d.value as TabName)} size="small" aria-label={t.tabsLabel}>
        {TABS.map((name) => (
          <OverflowItem key={name} id={name} priority={name === tab ? 2 : 1}>
            <Tab value={name} data-testid={`tab-${name}`}>
              {tabLabel(t, name)}
            </Tab>
          </OverflowItem>
        ))}
        <MoreTabs onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
