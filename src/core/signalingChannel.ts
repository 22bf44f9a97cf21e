import type { P2PError } from './errors.js'
import type { SignalMessage } from './signalMessage.js'
import type { ReadableStore } from './store.js'

/**
 * `connecting` until the path is usable, `open` while it is, `reconnecting` while a dropped one
 * comes back by itself (what is sent meanwhile waits), `closed`/`failed` after.
 */
export type ChannelStatus = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'failed'

/** The snapshot of a {@link SignalingChannel}. */
export interface ChannelState {
  readonly status: ChannelStatus
  /** Why it closed or failed, with a hint. */
  readonly error: P2PError | null
}

/**
 * A way for two sessions to reach each other before (and besides) their own data channel: the
 * "bring your own signaling" of the tutorial. Implementations: `createBroadcastSignaling` (same
 * browser) and `createWebSocketSignaling` (a relay server); write your own for any transport.
 */
export interface SignalingChannel extends ReadableStore<ChannelState> {
  /** A random id of this end, used to break ties (who is polite) when both start a call at once. */
  readonly id: string
  /** Sends to the other end. Dropped (with a warning) while not open. */
  send(message: SignalMessage): void
  /** Calls `listener` with every well-formed message from the other end; returns the unsubscribe. */
  onMessage(listener: (message: SignalMessage, from: string) => void): () => void
  close(): void
}

/**
 * A random id for a channel end.
 *
 * @example
 * const id = randomId() // e.g. '4f9c2a71d3e0b6a8'
 */
export function randomId(): string {
  const bytes = new Uint8Array(8)
  globalThis.crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}
