import type { PaneSettings } from "../settings";
import type { PaneState } from "../state";
import type { PaneActions } from "./usePane";

/** What every tab gets: the pane's state to show and the actions to call; never the session. */
export interface TabProps {
  state: PaneState;
  actions: PaneActions;
  busy: boolean;
}

export interface SettingsTabProps {
  settings: PaneSettings;
  onSave: (s: PaneSettings) => void;
  busy: boolean;
}
