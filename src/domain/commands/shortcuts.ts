/**
 * Keyboard shortcuts as plain strings ('mod+shift+z'), so the command list, menus and tests
 * share one spelling. 'mod' is ⌘ on macOS and Ctrl elsewhere. No DOM types: the UI passes the
 * few KeyboardEvent fields it has.
 */

/** The KeyboardEvent fields a shortcut depends on. */
export interface KeyChord {
  key: string;
  /** Physical key (KeyboardEvent.code); preferred for letters so layouts and IMEs do not matter. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export type Platform = 'mac' | 'other';

const MODIFIER_ORDER = ['mod', 'ctrl', 'alt', 'shift'] as const;

function baseKey(chord: KeyChord): string {
  const physical = chord.code ? /^(?:Key([A-Z])|Digit([0-9]))$/.exec(chord.code) : null;
  if (physical) return (physical[1] ?? physical[2] ?? '').toLowerCase();
  return chord.key.toLowerCase();
}

/** Turns a key event into the canonical shortcut string, e.g. Ctrl+Shift+Z → 'mod+shift+z'. */
export function chordToShortcut(chord: KeyChord, platform: Platform): string {
  const parts: string[] = [];
  const mod = platform === 'mac' ? chord.metaKey : chord.ctrlKey;
  if (mod) parts.push('mod');
  if (platform === 'mac' && chord.ctrlKey) parts.push('ctrl');
  if (chord.altKey) parts.push('alt');
  if (chord.shiftKey) parts.push('shift');
  parts.push(baseKey(chord));
  return parts.join('+');
}

/** Canonical form of a written shortcut ('Shift+Mod+Z' → 'mod+shift+z'), for registry keys. */
export function normalizeShortcut(shortcut: string): string {
  const parts = shortcut
    .toLowerCase()
    .split('+')
    .map((part) => part.trim())
    .filter(Boolean);
  const key = parts.pop() ?? '';
  const modifiers = MODIFIER_ORDER.filter((modifier) => parts.includes(modifier));
  return [...modifiers, key].join('+');
}

const KEY_LABELS: Record<string, string> = { delete: 'Del', backspace: '⌫', escape: 'Esc' };

/** Human label for menus and tooltips: '⌘⇧Z' on macOS, 'Ctrl+Shift+Z' elsewhere. */
export function formatShortcut(shortcut: string, platform: Platform): string {
  const parts = normalizeShortcut(shortcut).split('+');
  const key = parts.pop() ?? '';
  const keyLabel = KEY_LABELS[key] ?? key.toUpperCase();
  const labels =
    platform === 'mac'
      ? { mod: '⌘', ctrl: '⌃', alt: '⌥', shift: '⇧' }
      : { mod: 'Ctrl', ctrl: 'Ctrl', alt: 'Alt', shift: 'Shift' };
  const modifierLabels = parts.map((part) => labels[part as keyof typeof labels] ?? part);
  return platform === 'mac'
    ? [...modifierLabels, keyLabel].join('')
    : [...modifierLabels, keyLabel].join('+');
}
