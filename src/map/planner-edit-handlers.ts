/**
 * Pointer handling for the planner tools on the maplibregl.Map: click to add a site, click /
 * shift-click / shift-drag box to select, drag a selected candidate. The handlers only report raw
 * gestures (positions, modifier keys); app/ decides snapping and what to commit, so this stays free
 * of state. Pointer moves are coalesced to one per animation frame.
 */
import type { MapMouseEvent } from 'maplibre-gl';
import type { LayerId } from '../domain/layers/catalogue';
import type { AppMap } from './app-map';
import type { PlannerSitesLayer } from './planner-sites-layer';

export type PlannerMapTool = 'select' | 'add';

export interface PlannerGestureCallbacks {
  tool(): PlannerMapTool;
  /** Sites that may be dragged (the scenario's own and modified ones). */
  isDraggable(id: string): boolean;
  onAddSite(longitude: number, latitude: number, suspendSnap: boolean): void;
  /** A click or box picked these ids (empty: clicked nothing); additive with Shift. */
  onSelect(ids: string[], additive: boolean): void;
  /** Hover with the add tool: where a new site would go. */
  onHover(longitude: number, latitude: number, suspendSnap: boolean): void;
  onDragStart(grabbedId: string): void;
  onDragMove(longitude: number, latitude: number, suspendSnap: boolean): void;
  onDragEnd(cancelled: boolean): void;
}

const CLICK_TOLERANCE_PX = 5;
const DRAG_THRESHOLD_PX = 3;
/** Marker layers drawn above the sites: a click on one opens its popup rather than selecting a site. */
const POINT_LAYERS_ABOVE_SITES: ReadonlySet<LayerId> = new Set([
  'datacentres',
  'cableLandings',
  'internetExchange',
]);

type Box = [[number, number], [number, number]];

/** Installs the planner's pointer gestures on the map; returns the disposer. */
export function installPlannerGestures(
  appMap: AppMap,
  layer: PlannerSitesLayer,
  callbacks: PlannerGestureCallbacks,
): () => void {
  const map = appMap.mapLibre;
  const canvas = map.getCanvasContainer();
  map.boxZoom.disable();
  let lastModifiers = { shiftKey: false, altKey: false };
  let pendingMove: MouseEvent | null = null;
  let frame = 0;

  const boxAround = (x: number, y: number): Box => [
    [x - CLICK_TOLERANCE_PX, y - CLICK_TOLERANCE_PX],
    [x + CLICK_TOLERANCE_PX, y + CLICK_TOLERANCE_PX],
  ];
  const pointOf = (event: MouseEvent) => {
    const rect = canvas.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const releaseClicks = appMap.setClickInterceptor((x, y, topFeature, clickCount) => {
    if (callbacks.tool() === 'add') {
      // A double-click's second click lands where the first added a site: it must not stack a second.
      if (clickCount >= 2) return true;
      const lngLat = map.unproject([x, y]);
      callbacks.onAddSite(lngLat.lng, lngLat.lat, lastModifiers.altKey);
      return true;
    }
    // A data centre, landing station or exchange drawn above the sites is what the user aimed at.
    if (topFeature && POINT_LAYERS_ABOVE_SITES.has(topFeature.layerId)) {
      return false;
    }
    const ids = layer.siteIdsIn(boxAround(x, y));
    const first = ids[0];
    if (first !== undefined) {
      callbacks.onSelect([first], lastModifiers.shiftKey);
      // A read-only baseline site also shows its popup (attributes, sample-data note); a candidate does not,
      // so the popup never sits over a site the planner is about to drag.
      const isBaselineSiteOnTop = topFeature?.layerId === 'sites' && topFeature.properties.id === first;
      return !isBaselineSiteOnTop;
    }
    if (!lastModifiers.shiftKey) callbacks.onSelect([], false);
    return false;
  });

  // --- dragging a site, or a Shift box, from a mousedown until the window sees the mouseup ---
  let gesture: { kind: 'site' | 'box'; startX: number; startY: number; moved: boolean; id?: string } | null =
    null;
  let boxElement: HTMLDivElement | null = null;

  const flushMove = () => {
    frame = 0;
    const event = pendingMove;
    pendingMove = null;
    if (!event) return;
    const point = pointOf(event);
    if (gesture?.kind === 'site') {
      const lngLat = map.unproject([point.x, point.y]);
      callbacks.onDragMove(lngLat.lng, lngLat.lat, event.altKey);
    } else if (gesture?.kind === 'box' && boxElement) {
      const left = Math.min(point.x, gesture.startX);
      const top = Math.min(point.y, gesture.startY);
      Object.assign(boxElement.style, {
        left: `${left}px`,
        top: `${top}px`,
        width: `${Math.abs(point.x - gesture.startX)}px`,
        height: `${Math.abs(point.y - gesture.startY)}px`,
      });
    } else if (!gesture && !appMap.pointerClaimed) {
      const lngLat = map.unproject([point.x, point.y]);
      if (callbacks.tool() === 'add') callbacks.onHover(lngLat.lng, lngLat.lat, event.altKey);
      else {
        const over = layer.siteIdsIn(boxAround(point.x, point.y)).some(callbacks.isDraggable);
        canvas.style.cursor = over ? 'move' : '';
      }
    }
  };

  const onWindowMove = (event: MouseEvent) => {
    if (!gesture && !canvas.contains(event.target as Node)) return;
    if (gesture && !gesture.moved) {
      const point = pointOf(event);
      if (Math.hypot(point.x - gesture.startX, point.y - gesture.startY) < DRAG_THRESHOLD_PX) return;
      gesture.moved = true;
      if (gesture.kind === 'site' && gesture.id) callbacks.onDragStart(gesture.id);
      if (gesture.kind === 'box') {
        boxElement = document.createElement('div');
        boxElement.className = 'planner-box-select';
        canvas.appendChild(boxElement);
      }
    }
    pendingMove = event;
    if (!frame) frame = requestAnimationFrame(flushMove);
  };

  const finish = (event: MouseEvent | null, cancelled: boolean) => {
    const current = gesture;
    gesture = null;
    window.removeEventListener('mouseup', onWindowUp);
    map.dragPan.enable();
    if (!current?.moved) return;
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
    pendingMove = null;
    if (current.kind === 'site') {
      if (!cancelled && event) {
        // The drop lands exactly where the mouse was released, not at the last painted frame.
        const point = pointOf(event);
        const lngLat = map.unproject([point.x, point.y]);
        callbacks.onDragMove(lngLat.lng, lngLat.lat, event.altKey);
      }
      callbacks.onDragEnd(cancelled);
    } else if (boxElement) {
      const rect = boxElement.getBoundingClientRect();
      const origin = canvas.getBoundingClientRect();
      boxElement.remove();
      boxElement = null;
      if (!cancelled) {
        const x = rect.left - origin.left;
        const y = rect.top - origin.top;
        callbacks.onSelect(
          layer.siteIdsIn([
            [x, y],
            [x + rect.width, y + rect.height],
          ]),
          true,
        );
      }
    }
  };
  const onWindowUp = (event: MouseEvent) => finish(event, false);

  const onMouseDown = (event: MapMouseEvent) => {
    const original = event.originalEvent;
    lastModifiers = { shiftKey: original.shiftKey, altKey: original.altKey };
    // Another module (drawing a candidate area) holds the pointer: no drag, no box.
    if (original.button !== 0 || callbacks.tool() !== 'select' || appMap.pointerClaimed) return;
    const { x, y } = event.point;
    if (original.shiftKey) {
      gesture = { kind: 'box', startX: x, startY: y, moved: false };
    } else {
      const id = layer.siteIdsIn(boxAround(x, y)).find(callbacks.isDraggable);
      if (id === undefined) return;
      gesture = { kind: 'site', startX: x, startY: y, moved: false, id };
    }
    event.preventDefault();
    map.dragPan.disable();
    window.addEventListener('mouseup', onWindowUp);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && gesture) finish(null, true);
  };

  // With the add tool a double-click means "add here", not "zoom in" (MapLibre skips its zoom when the
  // dblclick event's default is prevented).
  const onDoubleClick = (event: MapMouseEvent) => {
    if (callbacks.tool() === 'add') event.preventDefault();
  };

  map.on('mousedown', onMouseDown);
  map.on('dblclick', onDoubleClick);
  window.addEventListener('mousemove', onWindowMove);
  window.addEventListener('keydown', onKeyDown, true);
  return () => {
    map.off('mousedown', onMouseDown);
    map.off('dblclick', onDoubleClick);
    window.removeEventListener('mousemove', onWindowMove);
    window.removeEventListener('keydown', onKeyDown, true);
    releaseClicks();
    map.boxZoom.enable();
  };
}
