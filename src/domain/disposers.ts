/**
 * Disposers, as tldraw's registrations hand back: every subscription, listener and map module the app
 * sets up returns a function that undoes it, and a feature's wiring returns one that undoes them all.
 */
export type Disposer = () => void;

/**
 * Collects disposers; `dispose` runs them newest first, once each. Something added after dispose (an
 * async set-up finishing late) is disposed at once.
 */
export class Disposers {
  private readonly list: Disposer[] = [];
  private disposed = false;

  /** Keeps a disposer (or a module's dispose) and returns what it was given, for chaining. */
  add<T extends Disposer | { dispose(): void }>(item: T): T {
    const dispose: Disposer = 'dispose' in item ? () => item.dispose() : (item as Disposer);
    if (this.disposed) dispose();
    else this.list.push(dispose);
    return item;
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    this.disposed = true;
    for (const dispose of this.list.splice(0).reverse()) dispose();
  }

  /** The whole collection as one disposer. */
  get disposer(): Disposer {
    return () => this.dispose();
  }
}
