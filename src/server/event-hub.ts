/**
 * A tiny publish/subscribe point: the live sessions publish their timeline events, the SSE streams
 * (and in-process tests) subscribe. A listener that throws is dropped, never the publisher.
 * @example
 * const hub = new EventHub<number>();
 * const off = hub.subscribe((n) => console.log(n));
 * hub.publish(1); off();
 */
export class EventHub<T> {
  private readonly listeners = new Set<(message: T) => void>();

  subscribe(listener: (message: T) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(message: T): void {
    for (const listener of this.listeners) {
      try {
        listener(message);
      } catch {
        this.listeners.delete(listener);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}
