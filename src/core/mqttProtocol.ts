import { isRecord } from './signalShape.js'
import { MAX_MESSAGE_CHARS, parseSignalMessage, type SignalMessage } from './signalMessage.js'

// The wire format of the MQTT signaling channel: topics, presence and signal payloads, who is in a
// room of two. Pure functions, no client: `mqttSignaling.ts` drives a client with them.

/** The first level of every topic the kit uses, with the protocol's version. */
export const MQTT_TOPIC_PREFIX = 'react-p2p-call/v1/rooms'

/** Longest room name (characters); topics stay well under MQTT's 65,535-byte limit. */
export const MAX_ROOM_CHARS = 200

/** Where and as whom an MQTT signaling channel connects. */
export interface MqttSignalingOptions {
  /** The broker's WebSocket URL: `ws://127.0.0.1:9001` (`npm run broker`), `wss://broker.example.org/mqtt`. */
  url: string
  /** Both people use the same room name; a room holds two. */
  room: string
  username?: string
  password?: string
}

/** Signal payloads larger than this (bytes of JSON) are deflated. */
export const DEFLATE_ABOVE_BYTES = 2048

/** The topics of one room. */
export interface MqttRoomTopics {
  /** `…/<room>/presence/<id>`: one retained message per member. */
  presence(id: string): string
  /** What a member subscribes to for everyone's presence. */
  readonly allPresence: string
  /** `…/<room>/signal/<id>`: what member `id` sends (never retained). */
  signal(id: string): string
  /** What a member subscribes to for the other's signals. */
  readonly allSignals: string
}

/**
 * The topics of `room`. The name is percent-encoded (so `/`, `+`, `#` and other characters are
 * just part of the name); an empty or over-long name throws an Error that says what to do.
 *
 * @example
 * mqttRoomTopics('team standup').presence('4f9c') // 'react-p2p-call/v1/rooms/team%20standup/presence/4f9c'
 */
export function mqttRoomTopics(room: string, prefix = MQTT_TOPIC_PREFIX): MqttRoomTopics {
  if (room.trim() === '') throw new Error('Fill in Room: both people type the same room name.')
  if (room.length > MAX_ROOM_CHARS) {
    throw new Error(`Room is too long: use at most ${MAX_ROOM_CHARS} characters.`)
  }
  const base = `${prefix}/${encodeURIComponent(room)}`
  return {
    presence: (id) => `${base}/presence/${id}`,
    allPresence: `${base}/presence/+`,
    signal: (id) => `${base}/signal/${id}`,
    allSignals: `${base}/signal/+`,
  }
}

/** The member id in a presence or signal topic of this room (its last level), or `null`. */
export function memberOfTopic(topic: string): string | null {
  const id = topic.slice(topic.lastIndexOf('/') + 1)
  return /^[0-9a-f]{1,64}$/.test(id) ? id : null
}

// --- presence ------------------------------------------------------------------------------------

/** What a member's retained presence says. */
export interface Presence {
  readonly id: string
  /** When it joined (its clock, ms since the epoch): the two earliest are the room's members. */
  readonly since: number
  /** It left on purpose (a clean close): not a member any more, and no goodbye owed. */
  readonly left?: boolean
}

const encoder = new TextEncoder()
const decoder = new TextDecoder('utf-8', { fatal: true })

/** The payload of a presence message. */
export function encodePresence(presence: Presence): Uint8Array {
  return encoder.encode(JSON.stringify(presence))
}

/**
 * Reads a presence payload: `'gone'` for an empty one (the retained message cleared, by the
 * member's last will when its tab died), `null` for anything malformed.
 */
export function decodePresence(id: string, payload: Uint8Array): Presence | 'gone' | null {
  if (payload.length === 0) return 'gone'
  if (payload.length > 1024) return null
  try {
    const value: unknown = JSON.parse(decoder.decode(payload))
    if (!isRecord(value) || value.id !== id || typeof value.since !== 'number') return null
    if (!Number.isFinite(value.since)) return null
    return value.left === true ? { id, since: value.since, left: true } : { id, since: value.since }
  } catch {
    return null
  }
}

/**
 * The room's two members, earliest first (ties broken by id): a room holds two people, and
 * whoever comes third is refused. Members that left are not counted.
 *
 * @example
 * roomMembers([{ id: 'b', since: 2 }, { id: 'a', since: 1 }, { id: 'c', since: 3 }]) // ['a', 'b']
 */
export function roomMembers(presences: Iterable<Presence>): string[] {
  return [...presences]
    .filter((p) => !p.left)
    .sort((x, y) => x.since - y.since || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, 2)
    .map((p) => p.id)
}

// --- signals -------------------------------------------------------------------------------------

/** A signal as it travels: the sender's sequence number and the message. */
export interface SignalEnvelope {
  readonly seq: number
  readonly message: SignalMessage
}

const JSON_FIRST_BYTE = 0x7b // '{'
const DEFLATED_MARK = 0x00

/**
 * The payload of a signal: its JSON as UTF-8, or, above {@link DEFLATE_ABOVE_BYTES}, a 0x00 byte and
 * the JSON deflated (`CompressionStream('deflate-raw')`), which keeps an offer with all its
 * candidates to a couple of kB (some brokers stall on larger WebSocket frames).
 *
 * @example
 * const payload = await encodeSignalPayload({ seq: 1, message: { type: 'bye' } })
 */
export async function encodeSignalPayload(
  envelope: SignalEnvelope,
  deflateAbove = DEFLATE_ABOVE_BYTES,
): Promise<Uint8Array> {
  const json = encoder.encode(JSON.stringify(envelope))
  if (json.length <= deflateAbove || typeof CompressionStream !== 'function') return json
  const deflated = await pipe(json, new CompressionStream('deflate-raw'))
  const out = new Uint8Array(deflated.length + 1)
  out[0] = DEFLATED_MARK
  out.set(deflated, 1)
  return out
}

/**
 * Reads a signal payload; anything malformed, oversized (also once inflated) or not a known
 * message gives `null`, never a throw.
 */
export async function decodeSignalPayload(payload: Uint8Array): Promise<SignalEnvelope | null> {
  let json: Uint8Array | null = null
  if (payload[0] === JSON_FIRST_BYTE) {
    json = payload.length <= MAX_MESSAGE_CHARS ? payload : null
  } else if (payload[0] === DEFLATED_MARK && typeof DecompressionStream === 'function') {
    json = await inflateAtMost(payload.subarray(1), MAX_MESSAGE_CHARS)
  }
  if (!json) return null
  let value: unknown
  try {
    value = JSON.parse(decoder.decode(json))
  } catch {
    return null
  }
  if (!isRecord(value) || !Number.isSafeInteger(value.seq) || (value.seq as number) < 0) {
    return null
  }
  const message = parseSignalMessage(value.message)
  return message ? { seq: value.seq as number, message } : null
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream) {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform)
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

/** Inflates, stopping (with `null`) past `limit` bytes or on corrupt input: no zip bomb, no throw. */
async function inflateAtMost(bytes: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
    .getReader()
  const parts: Uint8Array[] = []
  let length = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      length += value.length
      if (length > limit) {
        await reader.cancel().catch(() => {})
        return null
      }
      parts.push(value)
    }
  } catch {
    return null
  }
  const out = new Uint8Array(length)
  let at = 0
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}

/**
 * Drops redeliveries: QoS 1 delivers at least once, so a message may come twice (after a
 * reconnect). Each sender numbers its messages; what is not newer than the last one seen from that
 * sender is a repeat.
 *
 * @example
 * const fresh = createRedeliveryFilter()
 * fresh('a', 1) // true
 * fresh('a', 1) // false
 */
export function createRedeliveryFilter(): (from: string, seq: number) => boolean {
  const last = new Map<string, number>()
  return (from, seq) => {
    const seen = last.get(from)
    if (seen !== undefined && seq <= seen) return false
    last.set(from, seq)
    return true
  }
}
