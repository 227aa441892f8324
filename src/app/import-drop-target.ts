/**
 * Files dragged over the map: the store's importDropActive drives the drop overlay, a drop hands
 * the file to the import. Only drags that carry files count (a dragged map feature or text does not).
 */
import type { AppStore } from '../state/store';

const carriesFiles = (event: DragEvent): boolean =>
  Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Makes `element` a drop target for import files; returns a disposer. */
export function installImportDropTarget(element: HTMLElement, store: AppStore): () => void {
  const get = () => store.getState();
  // dragenter/dragleave fire for every child the pointer crosses; a depth count tells the real exit.
  let depth = 0;
  const onEnter = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth++;
    if (!get().importDropActive) get().setImportDropActive(true);
  };
  const onOver = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    // Without preventDefault the browser would open the file instead of dropping it here.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  };
  const onLeave = (event: DragEvent) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) get().setImportDropActive(false);
  };
  const onDrop = (event: DragEvent) => {
    if (!carriesFiles(event) && (event.dataTransfer?.files.length ?? 0) === 0) return;
    event.preventDefault();
    depth = 0;
    get().setImportDropActive(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    const services = get().importServices;
    if (!services || files.length === 0) return;
    if (files.length > 1) services.openFiles(files);
    else services.openFile(files[0]!);
  };
  // Elsewhere on the page a dropped file would make the browser open it and leave the planner.
  const keepPage = (event: DragEvent) => {
    if (carriesFiles(event)) event.preventDefault();
  };
  window.addEventListener('dragover', keepPage);
  window.addEventListener('drop', keepPage);
  element.addEventListener('dragenter', onEnter);
  element.addEventListener('dragover', onOver);
  element.addEventListener('dragleave', onLeave);
  element.addEventListener('drop', onDrop);
  return () => {
    window.removeEventListener('dragover', keepPage);
    window.removeEventListener('drop', keepPage);
    element.removeEventListener('dragenter', onEnter);
    element.removeEventListener('dragover', onOver);
    element.removeEventListener('dragleave', onLeave);
    element.removeEventListener('drop', onDrop);
  };
}
