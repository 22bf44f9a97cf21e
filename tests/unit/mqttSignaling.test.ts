import mqtt, { type IClientOptions, type MqttClient } from 'mqtt'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { BROKER_ACCOUNTS, findMosquitto, freePort, startBroker } from '../../server/broker.mjs'
import { randomId, type ChannelState, type SignalingChannel } from '../../src'
import type { SignalMessage } from '../../src/core/signalMessage'
import { createMqttSignaling } from '../../src/mqtt'
import chromium from '../fixtures/sdp/chromium.json'

// The MQTT channel against a real mosquitto (Debian's; CI installs it), started on ports of its own.
// Skipped where it is not installed, except in CI: there a missing broker fails.
const available = findMosquitto() !== null || process.env.CI === 'true'

let broker: Awaited<ReturnType<typeof startBroker>>
let wsPort = 0
let plainPort = 0
const opened: SignalingChannel[] = []

beforeAll(async () => {
  if (!available) return
  wsPort = await freePort()
  plainPort = await freePort()
  broker = await startBroker({ wsPort, plainPort })
}, 20_000)

afterAll(async () => {
  for (const channel of opened) channel.close()
  await broker?.stop()
})

/** A channel with a counting client factory: how many clients and reconnects it made. */
function channel(room: string, user = 'alice', options: { password?: string; url?: string } = {}) {
  const counts = { clients: 0, reconnects: 0, dead: false, lateMs: 0 }
  const made: MqttClient[] = []
  const created = createMqttSignaling({
    url: options.url ?? broker.url,
    room,
    username: user,
    password: options.password ?? BROKER_ACCOUNTS[user as keyof typeof BROKER_ACCOUNTS],
    connect: (url: string, clientOptions: IClientOptions) => {
      counts.clients += 1
      const client = mqtt.connect(url, clientOptions)
      const reconnect = client.reconnect.bind(client)
      client.reconnect = (...args) => {
        counts.reconnects += 1
        // A dead tab does not come back; a late one comes back `lateMs` after the others.
        if (counts.dead) return client
        if (counts.lateMs > 0) {
          setTimeout(() => reconnect(...args), counts.lateMs)
          return client
        }
        return reconnect(...args)
      }
      made.push(client)
      return client
    },
  })
  opened.push(created)
  const received: { message: SignalMessage; from: string }[] = []
  created.onMessage((message, from) => received.push({ message, from }))
  return { channel: created, counts, received, client: () => made[0] as MqttClient }
}

async function until<T>(read: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = read()
    if (value) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const status = (channel: SignalingChannel, wanted: ChannelState['status'], timeoutMs?: number) =>
  until(() => channel.getState().status === wanted && channel.getState(), timeoutMs)

/** alice and bob in `room`, both open. */
async function openPair(room: string) {
  const a = channel(room, 'alice')
  const b = channel(room, 'bob')
  await status(a.channel, 'open')
  await status(b.channel, 'open')
  return { a, b }
}

const offer: SignalMessage = {
  type: 'description',
  description: { type: 'offer', sdp: chromium.offer.sdp.sdp },
}

describe.skipIf(!available)('given a real mosquitto with accounts and a per-room ACL', () => {
  it('lets two members of a room exchange signals in order, large ones deflated', async () => {
    const room = randomId()
    const { a, b } = await openPair(room)
    a.channel.send(offer)
    for (let i = 0; i < 20; i++) {
      a.channel.send({ type: 'media', micMuted: i % 2 === 0, cameraOff: false })
    }
    b.channel.send({ type: 'bye' })
    const got = await until(() => b.received.length === 21 && b.received)
    expect(got[0]).toEqual({ message: offer, from: a.channel.id })
    expect(got.slice(1).map((r) => (r.message as { micMuted: boolean }).micMuted)).toEqual(
      Array.from({ length: 20 }, (_, i) => i % 2 === 0),
    )
    await until(() => a.received.length === 1)
    expect(a.received[0]).toEqual({ message: { type: 'bye' }, from: b.channel.id })
  })

  it('refuses a third member with ERR_ROOM_FULL and leaves the two undisturbed', async () => {
    const room = randomId()
    const { a, b } = await openPair(room)
    const c = channel(room, 'alice')
    const failed = await status(c.channel, 'failed')
    expect(failed.error?.code).toBe('ERR_ROOM_FULL')
    expect(a.channel.getState().status).toBe('open')
    a.channel.send({ type: 'screen', streamId: null })
    await until(() => b.received.length === 1)
    // The refused one took its presence back: when one of the two leaves, a newcomer gets in.
    b.channel.close()
    const d = channel(room, 'bob')
    await status(d.channel, 'open')
    expect(a.received).toEqual([])
  })

  it('refuses a newcomer whose clock runs behind, and never pushes out a member already in', async () => {
    const room = randomId()
    const { a, b } = await openPair(room)
    await new Promise((resolve) => setTimeout(resolve, 3_200))
    // A device whose clock is a minute slow: its own time says it came first.
    const now = Date.now()
    const slow = vi.spyOn(Date, 'now').mockReturnValue(now - 60_000)
    const c = channel(room, 'alice')
    const failed = await status(c.channel, 'failed').finally(() => slow.mockRestore())
    expect(failed.error?.code).toBe('ERR_ROOM_FULL')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(a.channel.getState().status).toBe('open')
    expect(b.channel.getState().status).toBe('open')
    a.channel.send({ type: 'bye' })
    await until(() => b.received.length === 1)
  }, 20_000)

  it('still sends a goodbye sent just before the channel closes, before it leaves', async () => {
    const room = randomId()
    const { a, b } = await openPair(room)
    a.channel.send(offer)
    a.channel.send({ type: 'bye' })
    a.channel.close()
    await until(() => b.received.length === 2)
    expect(b.received.map((r) => r.message.type)).toEqual(['description', 'bye'])
  })

  it('says a wrong password clearly, once, with no retries', async () => {
    const a = channel(randomId(), 'alice', { password: 'wrong' })
    const failed = await status(a.channel, 'failed')
    expect(failed.error?.code).toBe('ERR_BROKER_AUTH')
    expect(failed.error?.hint).toContain('Username and Password')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(a.counts).toMatchObject({ clients: 1, reconnects: 0 })
  })

  it('says a room the ACL does not allow clearly, and allows the account its own room', async () => {
    const denied = channel(randomId(), 'guest')
    expect((await status(denied.channel, 'failed')).error?.code).toBe('ERR_BROKER_DENIED')
    const allowed = channel('lobby', 'guest')
    await status(allowed.channel, 'open')
    allowed.channel.close()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(denied.counts.reconnects).toBe(0)
  })

  it('says an unreachable broker clearly, with no retries', async () => {
    const a = channel(randomId(), 'alice', { url: `ws://127.0.0.1:${await freePort()}` })
    expect((await status(a.channel, 'failed')).error?.code).toBe('ERR_BROKER_UNREACHABLE')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(a.counts.reconnects).toBe(0)
  })

  it('refuses an empty room name with what to do', () => {
    const a = channel('   ')
    expect(a.channel.getState().error?.code).toBe('ERR_ROOM_NAME')
  })

  it('gives the other member a bye when a connection dies (last will), none on a clean close', async () => {
    const room = randomId()
    const { a, b } = await openPair(room)
    // As a tab that is closed or crashes: the socket ends, no DISCONNECT.
    const since = Date.now()
    b.counts.dead = true
    b.client().stream.destroy()
    await until(() => a.received.length === 1, 15_000)
    const took = Date.now() - since
    expect(a.received[0]).toEqual({ message: { type: 'bye' }, from: b.channel.id })
    expect(took).toBeGreaterThanOrEqual(4_500)
    expect(took).toBeLessThan(9_000)

    const c = channel(room, 'bob')
    await status(c.channel, 'open')
    c.channel.close()
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(a.received).toHaveLength(1)
  }, 30_000)

  it('reconnects both members after the broker restarts, and delivers what was sent meanwhile', async () => {
    const room = randomId()
    const { a, b } = await openPair(room)
    await broker.kill()
    await status(a.channel, 'reconnecting')
    await status(b.channel, 'reconnecting')
    a.channel.send({ type: 'media', micMuted: true, cameraOff: true })
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    broker = await startBroker({ wsPort, plainPort })
    await status(a.channel, 'open', 15_000)
    await status(b.channel, 'open', 15_000)
    await until(() => b.received.length === 1, 5_000)
    expect(b.received[0]?.message).toEqual({ type: 'media', micMuted: true, cameraOff: true })
    expect(a.counts.clients).toBe(1)
  }, 40_000)

  // The restarted broker kept no session for the other member: what is sent before they are in
  // the room again waits for them (their presence comes after their subscription).
  it.each(['while we reconnect', 'once we are back'])(
    'holds what is sent %s until the other member is back, when they come back later',
    async (when) => {
      const room = randomId()
      const { a, b } = await openPair(room)
      b.counts.lateMs = 2_000
      await broker.kill()
      await status(a.channel, 'reconnecting')
      await status(b.channel, 'reconnecting')
      const message: SignalMessage = { type: 'media', micMuted: true, cameraOff: false }
      if (when === 'while we reconnect') a.channel.send(message)
      broker = await startBroker({ wsPort, plainPort })
      await status(a.channel, 'open', 15_000)
      expect(b.channel.getState().status).toBe('reconnecting')
      if (when === 'once we are back') a.channel.send(message)
      await status(b.channel, 'open', 15_000)
      await until(() => b.received.length === 1, 5_000)
      expect(b.received[0]?.message).toEqual(message)
    },
    40_000,
  )
})
