import { describe, expect, it } from 'vitest'
import {
  createRedeliveryFilter,
  decodePresence,
  decodeSignalPayload,
  encodePresence,
  encodeSignalPayload,
  memberOfTopic,
  mqttRoomTopics,
  roomMembers,
} from '../../src/core/mqttProtocol'
import type { SignalMessage } from '../../src/core/signalMessage'
import chromium from '../fixtures/sdp/chromium.json'

// A real Chromium offer (audio, video, data channel): about 6 kB of SDP.
const offer: SignalMessage = {
  type: 'description',
  description: { type: 'offer', sdp: chromium.offer.sdp.sdp },
}

describe('mqttRoomTopics', () => {
  it('puts the percent-encoded room under the versioned prefix', () => {
    const topics = mqttRoomTopics('team/standup #1+')
    expect(topics.presence('ab12')).toBe(
      'react-p2p-call/v1/rooms/team%2Fstandup%20%231%2B/presence/ab12',
    )
    expect(topics.allPresence).toBe('react-p2p-call/v1/rooms/team%2Fstandup%20%231%2B/presence/+')
    expect(topics.signal('ab12')).toBe(
      'react-p2p-call/v1/rooms/team%2Fstandup%20%231%2B/signal/ab12',
    )
    expect(topics.allSignals).toBe('react-p2p-call/v1/rooms/team%2Fstandup%20%231%2B/signal/+')
    expect(mqttRoomTopics('会议').presence('a')).toBe(
      'react-p2p-call/v1/rooms/%E4%BC%9A%E8%AE%AE/presence/a',
    )
  })

  it('refuses an empty or over-long room with what to do', () => {
    expect(() => mqttRoomTopics('  ')).toThrow('Fill in Room')
    expect(() => mqttRoomTopics('x'.repeat(201))).toThrow('at most 200 characters')
  })

  it('reads the member id of a topic, and nothing that is not one', () => {
    expect(memberOfTopic('react-p2p-call/v1/rooms/r/signal/0a1b2c')).toBe('0a1b2c')
    expect(memberOfTopic('react-p2p-call/v1/rooms/r/signal/')).toBeNull()
    expect(memberOfTopic('react-p2p-call/v1/rooms/r/signal/../x')).toBeNull()
  })
})

describe('presence', () => {
  it('round-trips, and an empty payload means the member is gone', () => {
    const presence = { id: 'ab', since: 1700000000000 }
    expect(decodePresence('ab', encodePresence(presence))).toEqual(presence)
    expect(decodePresence('ab', encodePresence({ ...presence, left: true }))).toEqual({
      ...presence,
      left: true,
    })
    expect(decodePresence('ab', new Uint8Array(0))).toBe('gone')
  })

  it.each([
    ['another member id', encodePresence({ id: 'cd', since: 1 })],
    ['not JSON', new TextEncoder().encode('hello')],
    ['no time', new TextEncoder().encode('{"id":"ab"}')],
    ['not UTF-8', new Uint8Array([0xff, 0xfe, 0x7b])],
    ['too large', new Uint8Array(2000).fill(0x20)],
  ])('gives null for %s', (_name, payload) => {
    expect(decodePresence('ab', payload)).toBeNull()
  })

  it('makes the two earliest the room (ties by id), without those who left', () => {
    expect(
      roomMembers([
        { id: 'c', since: 3 },
        { id: 'b', since: 2 },
        { id: 'a', since: 2 },
      ]),
    ).toEqual(['a', 'b'])
    expect(
      roomMembers([
        { id: 'a', since: 1, left: true },
        { id: 'b', since: 2 },
        { id: 'c', since: 3 },
      ]),
    ).toEqual(['b', 'c'])
    expect(roomMembers([])).toEqual([])
  })
})

describe('signal payloads', () => {
  it('keeps small messages as plain JSON and deflates large ones, both round-trip', async () => {
    const small = await encodeSignalPayload({ seq: 1, message: { type: 'bye' } })
    expect(new TextDecoder().decode(small)).toBe('{"seq":1,"message":{"type":"bye"}}')
    await expect(decodeSignalPayload(small)).resolves.toEqual({ seq: 1, message: { type: 'bye' } })

    const plainSize = new TextEncoder().encode(JSON.stringify({ seq: 2, message: offer })).length
    const large = await encodeSignalPayload({ seq: 2, message: offer })
    expect(plainSize).toBeGreaterThan(2048)
    expect(large[0]).toBe(0)
    expect(large.length).toBeLessThan(plainSize / 2)
    await expect(decodeSignalPayload(large)).resolves.toEqual({ seq: 2, message: offer })
  })

  it('gives null (never a throw) for garbage, unknown messages and a deflate bomb', async () => {
    const bomb = new Uint8Array(
      await new Response(
        new Blob([new Uint8Array(600 * 1024).fill(0x20)])
          .stream()
          .pipeThrough(new CompressionStream('deflate-raw')),
      ).arrayBuffer(),
    )
    const inputs = [
      new Uint8Array(0),
      new Uint8Array([0x7b, 0x7b]),
      new TextEncoder().encode('{"seq":-1,"message":{"type":"bye"}}'),
      new TextEncoder().encode('{"seq":1.5,"message":{"type":"bye"}}'),
      new TextEncoder().encode('{"seq":1,"message":{"type":"launch"}}'),
      new Uint8Array([0, 1, 2, 3, 4]),
      Uint8Array.from([0, ...bomb]),
      new Uint8Array([0x42]),
    ]
    for (const input of inputs) await expect(decodeSignalPayload(input)).resolves.toBeNull()
    // Random bytes, either mark.
    for (let i = 0; i < 200; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(1 + (i % 64)))
      bytes[0] = i % 2 ? 0 : 0x7b
      await expect(decodeSignalPayload(bytes)).resolves.toBeNull()
    }
  })

  it('drops redeliveries per sender', () => {
    const fresh = createRedeliveryFilter()
    expect(fresh('a', 1)).toBe(true)
    expect(fresh('a', 2)).toBe(true)
    expect(fresh('a', 2)).toBe(false)
    expect(fresh('a', 1)).toBe(false)
    expect(fresh('b', 1)).toBe(true)
  })
})
