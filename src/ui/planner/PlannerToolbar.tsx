import { useContext, useEffect } from 'react';
import { formatShortcut, type Platform } from '../../domain/commands/shortcuts';
import type { MessageKey } from '../../domain/i18n/translate';
import { StoreContext, useAppState, useTranslate } from '../store-context';
import {
  commandForKey,
  isCommandEnabled,
  isTypingTarget,
  plannerCommandRegistry,
  runPlannerCommand,
} from './planner-commands';
import { ToolbarIcon } from './ToolbarIcon';
import './planner.css';

const platform: Platform =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';

const BUTTONS: readonly { name: string; group: number }[] = [
  { name: 'selectTool', group: 0 },
  { name: 'addSiteTool', group: 0 },
  { name: 'undo', group: 1 },
  { name: 'redo', group: 1 },
  { name: 'deleteSelection', group: 2 },
  { name: 'duplicateSelection', group: 2 },
];

/** Keyboard shortcuts of every planner command, ignored while typing in a field. */
function usePlannerShortcuts(): void {
  const store = useContext(StoreContext);
  useEffect(() => {
    if (!store) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = commandForKey(event, platform);
      if (!command) return;
      const state = store.getState();
      if (!state.session) return;
      if (runPlannerCommand(state, command.name)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** The planner's tools over the map (top centre): tools, undo/redo, delete/duplicate, snapping. */
export function PlannerToolbar() {
  const t = useTranslate();
  usePlannerShortcuts();
  const store = useContext(StoreContext);
  const tool = useAppState((state) => state.plannerTool);
  const snapToPoles = useAppState((state) => state.snapToPoles);
  const snapDistanceM = useAppState((state) => state.snapDistanceM);
  const setSnapToPoles = useAppState((state) => state.setSnapToPoles);
  // Recompute enabled states when the session or selection changes (cheap: a few checks).
  const enabled = useAppState((state) =>
    BUTTONS.map((button) => (isCommandEnabled(state, button.name) ? '1' : '0')).join(''),
  );
  const undoLabel = useAppState((state) => state.session?.undoStack.at(-1)?.labelKey);
  const redoLabel = useAppState((state) => state.session?.redoStack.at(-1)?.labelKey);
  const hasSession = useAppState((state) => state.session !== null);
  if (!hasSession || !store) return null;

  const titleOf = (name: string): string => {
    const command = plannerCommandRegistry.get(name);
    if (!command) return name;
    let label = t(command.labelKey as MessageKey);
    if (name === 'undo' && undoLabel) label = t('planner.undoNamed', { label: t(undoLabel as MessageKey) });
    if (name === 'redo' && redoLabel) label = t('planner.redoNamed', { label: t(redoLabel as MessageKey) });
    const keys = command.shortcuts.map((shortcut) => formatShortcut(shortcut, platform)).join(' / ');
    return keys ? `${label} (${keys})` : label;
  };

  return (
    <div className="planner-toolbar" role="toolbar" aria-label={t('planner.toolbar')}>
      {BUTTONS.map((button, index) => {
        const isTool = button.name === 'selectTool' || button.name === 'addSiteTool';
        const pressed = isTool
          ? button.name === 'addSiteTool'
            ? tool === 'add'
            : tool === 'select'
          : undefined;
        const previous = BUTTONS[index - 1];
        return (
          <span key={button.name} className="planner-toolbar__item">
            {previous && previous.group !== button.group && <span className="planner-toolbar__separator" />}
            <button
              type="button"
              className="planner-toolbar__button"
              data-command={button.name}
              title={titleOf(button.name)}
              aria-label={titleOf(button.name)}
              aria-pressed={pressed}
              disabled={enabled[index] !== '1'}
              onClick={() => runPlannerCommand(store.getState(), button.name)}
            >
              <ToolbarIcon name={button.name} />
            </button>
          </span>
        );
      })}
      <span className="planner-toolbar__separator" />
      <label className="planner-toolbar__snap" title={t('planner.snapHint', { distance: snapDistanceM })}>
        <input
          type="checkbox"
          checked={snapToPoles}
          onChange={(event) => setSnapToPoles(event.target.checked)}
        />
        {t('planner.snap')}
      </label>
    </div>
  );
}
