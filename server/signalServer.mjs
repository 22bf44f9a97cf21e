// A minimal signaling relay for development and tests: rooms of two, JSON messages, size-capped.
// Production apps bring their own server (any relay that speaks the protocol in the README).
//
//   npm run signal-server               listens on 127.0.0.1:8787
//   PORT=9000 npm run signal-server
import { pathToFileURL } from 'node:url'
import { WebSocketServer } from 'ws'

const MAX_MESSAGE_BYTES = 64 * 1024

/**
 * Starts the relay. Resolves with its URL and a `close()` once it listens.
 * @param {{ port?: number, host?: string, log?: (line: string) => void }} [options]
 */
export function startSignalServer({ port = 8787, host = '127.0.0.1', log = () => {} } = {}) {
  /** @type {Map<string, Set<import('ws').WebSocket>>} */
  const rooms = new Map()
  const server = new WebSocketServer({ port, host, maxPayload: MAX_MESSAGE_BYTES })

  /** @type {WeakMap<import('ws').WebSocket, string>} */
  const memberIds = new WeakMap()
  server.on('connection', (socket) => {
    /** @type {string | null} */
    let room = null
    const reply = (message) => socket.send(JSON.stringify(message))

    socket.on('message', (data, isBinary) => {
      let message
      try {
        message = isBinary ? null : JSON.parse(String(data))
      } catch {
        message = null
      }
      if (!message || typeof message !== 'object') {
        reply({ type: 'error', code: 'malformed' })
        return
      }
      if (message.type === 'join' && room === null && typeof message.room === 'string') {
        const members = rooms.get(message.room) ?? new Set()
        // A member coming back with its own id (it reconnected before the relay saw its old socket
        // close) takes its old place instead of being refused.
        for (const member of members) {
          if (typeof message.id === 'string' && memberIds.get(member) === message.id) {
            members.delete(member)
            member.terminate()
          }
        }
        if (members.size >= 2) {
          reply({ type: 'error', code: 'room-full' })
          socket.close()
          return
        }
        room = message.room
        if (typeof message.id === 'string') memberIds.set(socket, message.id)
        members.add(socket)
        rooms.set(room, members)
        reply({ type: 'joined', room, peers: members.size - 1 })
        log(`join ${room} (${members.size}/2)`)
        return
      }
      if (message.type === 'signal' && room !== null) {
        // Forwarded verbatim to the other member; the clients validate what they receive.
        for (const peer of rooms.get(room) ?? []) if (peer !== socket) peer.send(String(data))
        return
      }
      reply({ type: 'error', code: 'malformed' })
    })

    socket.on('close', () => {
      if (room === null) return
      const members = rooms.get(room)
      members?.delete(socket)
      if (members?.size === 0) rooms.delete(room)
      log(`leave ${room}`)
    })
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.once('listening', () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      resolve({
        url: `ws://${host}:${actual}`,
        close: () => new Promise((done) => server.close(() => done(undefined))),
      })
    })
  })
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await startSignalServer({
    port: Number(process.env.PORT ?? 8787),
    log: (line) => console.log(`[signal-server] ${line}`),
  })
  console.log(`[signal-server] listening on ${url} (rooms of two, messages up to 64 KB)`)
}
