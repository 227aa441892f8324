/**
 * The one shape of a map module (in the spirit of terra-draw's adapters): created on the AppMap with
 * `new Module(appMap, options)`, updated through its own setters, disposed with `dispose()`, which
 * takes its sources, layers, listeners and popups off the map. The module adds its sources and layers
 * in `onAdd`, once the style has loaded, through `addSource`/`addLayer`/`listen`, so dispose knows what
 * to remove; setters wait for `ready`. A module disposed before the style loaded adds nothing.
 */
import type {
  CustomLayerInterface,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
} from 'maplibre-gl';
import type { Disposer } from '../domain/disposers';
import type { AppMap } from './app-map';

export abstract class MapModule {
  protected readonly map: MapLibreMap;
  /** Resolves once the module's sources and layers are on the map. */
  protected readonly ready: Promise<void>;
  private readonly sourceIds: string[] = [];
  private readonly layerIds: string[] = [];
  private readonly cleanups: Disposer[] = [];
  private disposed = false;

  constructor(protected readonly appMap: AppMap) {
    this.map = appMap.mapLibre;
    this.ready = appMap.whenLoaded().then(() => {
      if (!this.disposed) this.onAdd(this.map);
    });
  }

  /** Adds the module's sources and layers; called once, after the style loaded. */
  protected abstract onAdd(map: MapLibreMap): void;

  protected addSource(id: string, source: SourceSpecification): void {
    if (!this.map.getSource(id)) this.map.addSource(id, source);
    this.sourceIds.push(id);
  }

  protected addLayer(layer: LayerSpecification | CustomLayerInterface, beforeId?: string): void {
    this.map.addLayer(layer, beforeId);
    this.layerIds.push(layer.id);
  }

  /** Keeps something to undo on dispose (an event listener, a timer, a popup, a registration). */
  protected onDispose(cleanup: Disposer): void {
    if (this.disposed) cleanup();
    else this.cleanups.push(cleanup);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes everything the module added off the map; safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const cleanup of this.cleanups.splice(0).reverse()) cleanup();
    // A disposed map took everything on it away already.
    if (this.appMap.isDisposed) return;
    for (const id of this.layerIds.splice(0).reverse()) if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const id of this.sourceIds.splice(0)) if (this.map.getSource(id)) this.map.removeSource(id);
  }
}
