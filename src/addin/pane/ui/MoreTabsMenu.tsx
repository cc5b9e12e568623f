import type { ReactElement } from "react";
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, useIsOverflowItemVisible } from "@fluentui/react-components";
import { TABS, type Tab } from "../state";
import { tabLabel } from "./tab-label";
import { useStrings } from "./context";

function MenuEntry({ tab, onSelect }: { tab: Tab; onSelect: (t: Tab) => void }) {
  const t = useStrings();
  if (useIsOverflowItemVisible(tab)) return null;
  return (
    <MenuItem onClick={() => onSelect(tab)} data-testid={`menu-tab-${tab}`}>
      {tabLabel(t, tab)}
    </MenuItem>
  );
}

/** The overflow menu of the tab list: the tabs that don't fit, as menu items. */
export default function MoreTabsMenu({ trigger, onSelect }: { trigger: ReactElement; onSelect: (t: Tab) => void }) {
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>{trigger}</MenuTrigger>
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
