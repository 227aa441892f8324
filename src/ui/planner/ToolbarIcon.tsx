/** Small stroke icons for the planner toolbar (inline SVG: no icon font, renders offline everywhere). */
const PATHS: Readonly<Record<string, string>> = {
  selectTool: 'M5 3 L5 17 L9 13 L12 19 L14 18 L11 12 L16 12 Z',
  addSiteTool: 'M10 4 V16 M4 10 H16',
  undo: 'M7 5 L3 9 L7 13 M3 9 H12 A4 4 0 0 1 12 17 H8',
  redo: 'M13 5 L17 9 L13 13 M17 9 H8 A4 4 0 0 0 8 17 H12',
  deleteSelection: 'M4 6 H16 M8 6 V4 H12 V6 M6 6 L7 17 H13 L14 6',
  duplicateSelection: 'M7 7 H16 V16 H7 Z M4 13 V4 H13',
};

export function ToolbarIcon({ name }: { name: string }) {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name] ?? ''}
        fill={name === 'selectTool' ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
