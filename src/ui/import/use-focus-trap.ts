/**
 * Keeps keyboard focus inside a modal dialog: focus moves in on open and back out on close, Tab
 * and Shift+Tab wrap, Escape calls `onEscape`. Key events stop at the dialog, so the planner's
 * shortcuts (Delete, Ctrl+Z) cannot edit the scenario behind it.
 */
import { type RefObject, useEffect, useRef } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
    (element) => element.offsetParent !== null || element === document.activeElement,
  );
}

/**
 * Traps focus in `ref` while `active`; `onEscape` closes the dialog. When `contentKey` changes (the
 * dialog swapped its content), focus that fell out with a removed element is put back in.
 */
export function useFocusTrap(
  ref: RefObject<HTMLElement | null>,
  active: boolean,
  onEscape: () => void,
  contentKey?: string,
): void {
  const escapeHandler = useRef(onEscape);
  escapeHandler.current = onEscape;
  useEffect(() => {
    const root = ref.current;
    if (!active || !root) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    focusInside(root);
    const onKeyDown = (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        escapeHandler.current();
        return;
      }
      if (event.key !== 'Tab') return;
      const items = focusables(root);
      const first = items[0];
      const last = items.at(-1);
      if (!first || !last) {
        event.preventDefault();
        return;
      }
      if (event.shiftKey && (document.activeElement === first || document.activeElement === root)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that escapes (a click on the backdrop, a closing popup) is pulled back in.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !root.contains(event.target)) focusInside(root);
    };
    root.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      root.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      if (previous?.isConnected) previous.focus();
    };
  }, [ref, active]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: contentKey is the trigger, not an input.
  useEffect(() => {
    const root = ref.current;
    if (active && root && !root.contains(document.activeElement)) focusInside(root);
  }, [ref, active, contentKey]);
}

/** The element marked data-autofocus, else the dialog itself (screen readers then read its title). */
function focusInside(root: HTMLElement): void {
  (root.querySelector<HTMLElement>('[data-autofocus]') ?? root).focus();
}
