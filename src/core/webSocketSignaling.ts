import { createP2PError } from './errors.js'
import { isRecord } from './signalCodec.js'
import { randomId, type ChannelState, type SignalingChannel } from './signalingChannel.js'
import { MAX_MESSAGE_CHARS, parseSignalMessage, type SignalMessage } from './signalMessage.js'
import { createStore } from './store.js'

/**
 * Signaling through a JSON relay over WebSocket (the protocol is in the README; `npm run
 * signal-server` runs one for development). Rooms hold two people; the relay forwards each
 * `signal` to the other member.
 *
 * @example
 * const channel = createWebSocketSignaling('wss://signal.example.org', 'team-standup')
 * session.attachChannel(channel, { media: () => media.start() })
 */
export function createWebSocketSignaling(url: string, room: string): SignalingChannel {
  const id = randomId()
  const store = createStore<ChannelState>({ status: 'connecting', error: null })
  const listeners = new Set<(message: SignalMessage, from: string) => void>()
  let socket: WebSocket | null = null
  try {
    socket = new WebSocket(url)
  } catch (cause) {
    store.setState({ status: 'failed', error: createP2PError('ERR_CHANNEL_FAILED', cause) })
  }

  socket?.addEventListener('open', () => {
    socket?.send(JSON.stringify({ type: 'join', room, id }))
  })
  socket?.addEventListener('message', (event: MessageEvent) => {
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
      store.setState({ status: 'open', error: null })
      return
    }
    if (envelope.type === 'error') {
      const code = envelope.code === 'room-full' ? 'ERR_ROOM_FULL' : 'ERR_CHANNEL_FAILED'
      store.setState({ status: 'failed', error: createP2PError(code) })
      socket?.close()
      return
    }
    if (envelope.type !== 'signal') return
    const message = parseSignalMessage(envelope.message)
    if (typeof envelope.from !== 'string' || envelope.from === id || !message) {
      console.warn('[react-p2p-call] dropped a malformed signal from the relay')
      return
    }
    for (const listener of listeners) listener(message, envelope.from)
  })
  socket?.addEventListener('close', () => {
    const { status } = store.getState()
    if (status === 'failed' || status === 'closed') return
    store.setState(
      status === 'connecting'
        ? { status: 'failed', error: createP2PError('ERR_CHANNEL_FAILED') }
        : { status: 'closed', error: createP2PError('ERR_CHANNEL_CLOSED') },
    )
  })

  return {
    id,
    getState: store.getState,
    subscribe: store.subscribe,
    send(message) {
      if (!socket || store.getState().status !== 'open') {
        console.warn('[react-p2p-call] the WebSocket channel is not open; dropped', message.type)
        return
      }
      socket.send(JSON.stringify({ type: 'signal', from: id, message: JSON.stringify(message) }))
    },
    onMessage(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    close() {
      listeners.clear()
      if (store.getState().status !== 'failed') store.setState({ status: 'closed', error: null })
      socket?.close()
    },
  }
}
