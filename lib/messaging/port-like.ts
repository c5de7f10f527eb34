/**
 * The part of a `runtime.Port` the background's port servers and the engine host's client use.
 * Declared once, structurally, so tests can hand them a plain object instead of a browser port.
 * `Out` is what this side may post (the editor port posts only EditorPortOut, say).
 */
export interface PortLike<Out = unknown> {
  postMessage(message: Out): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
  disconnect(): void;
}
