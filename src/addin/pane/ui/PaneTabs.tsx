import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  ToggleButton,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from "@fluentui/react-components";
import { TABS, type Tab as TabName } from "../state";
import { useStrings } from "./context";

const useStyles = makeStyles({
  // The overflow manager measures this box: the tabs that don't fit move into the menu.
  list: { minWidth: 0, overflow: "hidden", flexWrap: "nowrap" },
  more: { minWidth: "auto", flexShrink: 0 },
});

function label(t: ReturnType<typeof useStrings>, tab: TabName): string {
  return { results: t.tabResults, recalc: t.tabRecalc, narrative: t.tabNarrative, settings: t.tabSettings }[tab];
}

function MenuEntry({ tab, onSelect }: { tab: TabName; onSelect: (t: TabName) => void }) {
  const t = useStrings();
  const visible = useIsOverflowItemVisible(tab);
  if (visible) return null;
  return (
    <MenuItem onClick={() => onSelect(tab)} data-testid={`menu-tab-${tab}`}>
      {label(t, tab)}
    </MenuItem>
  );
}

function MoreTabs({ onSelect }: { onSelect: (t: TabName) => void }) {
  const t = useStrings();
  const styles = useStyles();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <ToggleButton ref={ref} appearance="transparent" size="small" className={styles.more} aria-label={`${t.moreTabs} (${overflowCount})`} data-testid="more-tabs">
          ⋯
        </ToggleButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((tab) => (
            <MenuEntry key={tab} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** The tab list; at high zoom the tabs that don't fit go into a "⋯" menu, so every tab stays reachable. */
export function PaneTabs({ tab, onSelect }: { tab: TabName; onSelect: (t: TabName) => void }) {
  const t = useStrings();
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <TabList className={styles.list} selectedValue={tab} onTabSelect={(_, d) => onSelect(d.value as TabName)} size="small" aria-label={t.tabsLabel}>
        {TABS.map((name) => (
          <OverflowItem key={name} id={name} priority={name === tab ? 2 : 1}>
            <Tab value={name} data-testid={`tab-${name}`}>
              {label(t, name)}
            </Tab>
          </OverflowItem>
        ))}
        <MoreTabs onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
