import { createP2PError } from './errors.js'
import { isRecord } from './signalShape.js'
import { randomId, type ChannelState, type SignalingChannel } from './signalingChannel.js'
import { parseSignalMessage, type SignalMessage } from './signalMessage.js'
import { createStore } from './store.js'

/**
 * Signaling between tabs of one browser (same origin) with `BroadcastChannel`: no server, keyed by a
 * room name. Messages from other rooms never arrive; malformed ones are dropped with a warning.
 *
 * @example
 * const channel = createBroadcastSignaling('demo')
 * const detach = session.attachChannel(channel, { media: () => media.start() })
 * await session.startCall() // in one of the two tabs
 */
export function createBroadcastSignaling(room: string): SignalingChannel {
  const id = randomId()
  const store = createStore<ChannelState>({ status: 'open', error: null })
  const listeners = new Set<(message: SignalMessage, from: string) => void>()
  if (typeof BroadcastChannel !== 'function') {
    store.setState({ status: 'failed', error: createP2PError('ERR_CHANNEL_FAILED') })
  }
  const bc =
    typeof BroadcastChannel === 'function' ? new BroadcastChannel(`react-p2p-call:${room}`) : null

  bc?.addEventListener('message', (event: MessageEvent) => {
    const data: unknown = event.data
    const envelope = isRecord(data) ? data : {}
    const from = envelope.from
    const message = parseSignalMessage(envelope.message)
    if (envelope.v !== 1 || typeof from !== 'string' || !message) {
      console.warn('[react-p2p-call] dropped a malformed message on the same-browser channel')
      return
    }
    if (from === id) return
    for (const listener of listeners) listener(message, from)
  })

  return {
    id,
    getState: store.getState,
    subscribe: store.subscribe,
    send(message) {
      if (!bc || store.getState().status !== 'open') {
        console.warn('[react-p2p-call] the same-browser channel is closed; dropped', message.type)
        return
      }
      bc.postMessage({ v: 1, from: id, message: JSON.stringify(message) })
    },
    onMessage(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    close() {
      bc?.close()
      listeners.clear()
      store.setState({ status: 'closed', error: null })
    },
  }
}
