/**
 * A Comlink endpoint over a Node MessagePort-like object (a worker thread or its parentPort): Node's
 * ports use on/off with the message itself, the DOM's use add/removeEventListener with an event.
 */
import type { Endpoint } from 'comlink';

interface NodePort {
  postMessage(message: unknown, transfer?: readonly unknown[]): void;
  on(event: 'message', listener: (data: unknown) => void): unknown;
  off(event: 'message', listener: (data: unknown) => void): unknown;
}

export function nodeEndpoint(port: NodePort): Endpoint {
  const listeners = new WeakMap<object, (data: unknown) => void>();
  return {
    postMessage: (message, transfer) => port.postMessage(message, transfer as readonly unknown[]),
    addEventListener: (_type, handler) => {
      const listener = (data: unknown) => {
        if (typeof handler === 'function') handler({ data } as MessageEvent);
        else handler.handleEvent({ data } as MessageEvent);
      };
      listeners.set(handler, listener);
      port.on('message', listener);
    },
    removeEventListener: (_type, handler) => {
      const listener = listeners.get(handler);
      if (listener) port.off('message', listener);
    },
  };
}
