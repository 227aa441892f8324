/**
 * Builds a popup's DOM from its model with text nodes only: data never reaches innerHTML,
 * so a feature property holding markup shows as text and cannot inject anything.
 */
import type { PopupModel } from './popup-model';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, content?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (content !== undefined) node.textContent = content;
  return node;
}

/** A detached element showing the popup model. */
export function buildPopupElement(model: PopupModel): HTMLElement {
  const root = element('div', 'feature-popup');
  root.append(element('div', 'feature-popup__layer', model.layerLabel));
  root.append(element('h3', 'feature-popup__title', model.title));
  for (const note of model.notes) root.append(element('p', 'feature-popup__note', note));
  const list = element('dl', 'feature-popup__rows');
  for (const row of model.rows) {
    list.append(element('dt', 'feature-popup__label', row.label));
    list.append(element('dd', 'feature-popup__value', row.value));
  }
  root.append(list);
  return root;
}
