import { createP2PError } from './errors.js'
import { restartDelay } from './session/recovery.js'
import { isRecord } from './signalShape.js'
import { randomId, type ChannelState, type SignalingChannel } from './signalingChannel.js'
import { MAX_MESSAGE_CHARS, parseSignalMessage, type SignalMessage } from './signalMessage.js'
import { createStore } from './store.js'

/** Delays before each reconnect of a dropped WebSocket channel, in ms; the last one repeats. */
export const WEBSOCKET_RECONNECT_SCHEDULE: readonly number[] = [250, 500, 1000, 2000, 4000]

/** Messages kept while the channel reconnects (sent, in order, once it is back). */
const MAX_QUEUED = 200

/**
 * Signaling through a JSON relay over WebSocket (the protocol is in the README; `npm run
 * signal-server` runs one for development). Rooms hold two people; the relay forwards each
 * `signal` to the other member.
 *
 * A channel that was open and drops (the relay restarted, the network blinked) says
 * `reconnecting`, reconnects with backoff (`WEBSOCKET_RECONNECT_SCHEDULE`) and rejoins its room
 * with the same id; what is sent meanwhile waits and goes out, in order, once it is back. A first
 * connect that fails, or a refusal (room full), is `failed` with a clear error, and not retried.
 *
 * @example
 * const channel = createWebSocketSignaling('wss://signal.example.org', 'team-standup')
 * session.attachChannel(channel, { media: () => media.start() })
 */
export function createWebSocketSignaling(url: string, room: string): SignalingChannel {
  const id = randomId()
  const store = createStore<ChannelState>({ status: 'connecting', error: null })
  const listeners = new Set<(message: SignalMessage, from: string) => void>()
  const queued: string[] = []
  let socket: WebSocket | null = null
  let joinedOnce = false
  let attempts = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let ended = false

  function connect() {
    let next: WebSocket
    try {
      next = new WebSocket(url)
    } catch (cause) {
      store.setState({ status: 'failed', error: createP2PError('ERR_CHANNEL_FAILED', cause) })
      return
    }
    socket = next
    next.addEventListener('open', () => {
      next.send(JSON.stringify({ type: 'join', room, id }))
    })
    next.addEventListener('message', (event: MessageEvent) => onMessage(next, event))
    next.addEventListener('close', () => onClose(next))
  }

  function onMessage(from: WebSocket, event: MessageEvent) {
    if (from !== socket) return
    const data: unknown = event.data
    if (typeof data !== 'string' || data.length > MAX_MESSAGE_CHARS) {
      console.warn('[react-p2p-call] dropped an oversized or binary message from the relay')
      return
    }
    let envelope: Record<string, unknown>
    try {
      const parsed: unknown = JSON.parse(data)
      envelope = isRecord(parsed) ? parsed : {}
    } catch {
      console.warn('[react-p2p-call] dropped a malformed message from the relay')
      return
    }
    if (envelope.type === 'joined') {
      joinedOnce = true
      attempts = 0
      store.setState({ status: 'open', error: null })
      for (const text of queued.splice(0)) from.send(text)
      return
    }
    if (envelope.type === 'error') {
      const code = envelope.code === 'room-full' ? 'ERR_ROOM_FULL' : 'ERR_CHANNEL_FAILED'
      // Our own place, not yet freed by the relay (it still holds our old socket): try again.
      if (joinedOnce && code === 'ERR_ROOM_FULL') {
        from.close()
        return
      }
      ended = true
      store.setState({ status: 'failed', error: createP2PError(code) })
      from.close()
      return
    }
    if (envelope.type !== 'signal') return
    const message = parseSignalMessage(envelope.message)
    if (typeof envelope.from !== 'string' || envelope.from === id || !message) {
      console.warn('[react-p2p-call] dropped a malformed signal from the relay')
      return
    }
    for (const listener of listeners) listener(message, envelope.from)
  }

  function onClose(from: WebSocket) {
    if (from !== socket || ended) return
    socket = null
    if (!joinedOnce) {
      // Never reached the room: a wrong URL or no relay. Say so once; no retry storm.
      ended = true
      store.setState({ status: 'failed', error: createP2PError('ERR_CHANNEL_FAILED') })
      return
    }
    // It was open: the relay restarted or the network dropped. Come back by ourselves.
    attempts += 1
    store.setState({ status: 'reconnecting', error: null })
    timer = setTimeout(connect, restartDelay(attempts, WEBSOCKET_RECONNECT_SCHEDULE))
  }

  connect()

  return {
    id,
    getState: store.getState,
    subscribe: store.subscribe,
    send(message) {
      const text = JSON.stringify({ type: 'signal', from: id, message: JSON.stringify(message) })
      const { status } = store.getState()
      if (socket && status === 'open') {
        socket.send(text)
      } else if (status === 'reconnecting' && queued.length < MAX_QUEUED) {
        queued.push(text)
      } else {
        console.warn('[react-p2p-call] the WebSocket channel is not open; dropped', message.type)
      }
    },
    onMessage(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    close() {
      ended = true
      clearTimeout(timer)
      queued.length = 0
      listeners.clear()
      if (store.getState().status !== 'failed') store.setState({ status: 'closed', error: null })
      socket?.close()
      socket = null
    },
  }
}
