import type { IClientOptions, IConnackPacket, MqttClient } from 'mqtt'
import { createP2PError, type P2PError, type P2PErrorCode } from './errors.js'
import {
  createRedeliveryFilter,
  decodePresence,
  decodeSignalPayload,
  encodePresence,
  encodeSignalPayload,
  memberOfTopic,
  mqttRoomTopics,
  roomMembers,
  type MqttRoomTopics,
  type MqttSignalingOptions,
  type Presence,
} from './mqttProtocol.js'
import { restartDelay } from './session/recovery.js'
import { randomId, type ChannelState, type SignalingChannel } from './signalingChannel.js'
import type { SignalMessage } from './signalMessage.js'
import { createStore } from './store.js'

/** Delays before each reconnect of a dropped broker connection, in ms; the last one repeats. */
export const MQTT_RECONNECT_SCHEDULE: readonly number[] = [250, 500, 1000, 2000, 4000]

/** Seconds after a connection dies before its last will (a goodbye) goes out. */
export const MQTT_WILL_DELAY_S = 5

/** Seconds a retained presence lives without being refreshed (it is, every half of that). */
const PRESENCE_TTL_S = 600

/** Seconds the broker keeps a dropped member's session (subscriptions, queued signals). */
const SESSION_EXPIRY_S = 300

/** How long after joining a member may still find it came third (joins at the same moment). */
const SETTLE_MS = 3000

/** Resolves once `chain` (and what was queued on it meanwhile) has run. */
const settle = (chain: Promise<void>) => chain.then(() => undefined)

/** Messages kept while the channel reconnects (sent, in order, once it is back). */
const MAX_QUEUED = 200

const EMPTY = new Uint8Array(0)

/** Options of the channel with the client factory it drives (`mqtt.connect`, or your own). */
export interface MqttChannelOptions extends MqttSignalingOptions {
  /** Creates the client; the `react-p2p-call/mqtt` entry passes mqtt.js's `connect`. */
  connect: (url: string, options: IClientOptions) => MqttClient
  /** More mqtt.js options (TLS, `keepalive`, `wsOptions`, …); the channel's own come first. */
  clientOptions?: IClientOptions
}

// MQTT 5 reason codes: 134 bad user name or password, 135 not authorized.
const reasonOf = (error: unknown): number | undefined => {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'number' ? code : undefined
}

/**
 * A {@link SignalingChannel} on an MQTT 5 broker over WebSockets (see `createMqttSignaling` in
 * `react-p2p-call/mqtt`). Each member keeps one retained presence (with an expiry) under the room's
 * topics and a last will that clears it {@link MQTT_WILL_DELAY_S} s after its connection dies (the
 * other side then gets a `bye`); signals go QoS 1, never retained, numbered per sender (repeats are
 * dropped), deflated above 2 kB, in order. The two earliest members are the room; a third gets
 * `ERR_ROOM_FULL`. A drop reconnects with backoff to the kept session; a refusal (credentials,
 * ACL) is `failed` with a clear error, never retried.
 */
export function createMqttChannel(options: MqttChannelOptions): SignalingChannel {
  const id = randomId()
  const store = createStore<ChannelState>({ status: 'connecting', error: null })
  const listeners = new Set<(message: SignalMessage, from: string) => void>()
  const presences = new Map<string, Presence>()
  const fresh = createRedeliveryFilter()
  const queued: Uint8Array[] = []
  let since: number | null = null
  let joinedOnce = false
  let open = false
  let ended = false
  let closing = false
  let seq = 0
  let attempts = 0
  let maxPacketBytes = Number.POSITIVE_INFINITY
  let lastError: unknown = null
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined
  let refreshTimer: ReturnType<typeof setInterval> | undefined
  let settledTimer: ReturnType<typeof setTimeout> | undefined
  let settled = false
  // Encoding (deflate) and decoding are async: chained, so messages keep their order both ways.
  let outgoing: Promise<void> = Promise.resolve()
  let incoming: Promise<void> = Promise.resolve()

  let topics: MqttRoomTopics
  let client: MqttClient
  try {
    topics = mqttRoomTopics(options.room)
  } catch (cause) {
    return failedChannel(id, createP2PError('ERR_ROOM_NAME', cause))
  }
  try {
    client = options.connect(options.url, {
      ...options.clientOptions,
      protocolVersion: 5,
      clientId: `rpc-${id}`,
      clean: false,
      // Reconnects are ours (backoff, and never after a refusal).
      reconnectPeriod: 0,
      resubscribe: false,
      connectTimeout: 10_000,
      keepalive: options.clientOptions?.keepalive ?? 60,
      ...(options.username ? { username: options.username } : {}),
      ...(options.password ? { password: options.password } : {}),
      properties: { ...options.clientOptions?.properties, sessionExpiryInterval: SESSION_EXPIRY_S },
      will: {
        topic: topics.presence(id),
        payload: EMPTY as Buffer,
        qos: 1,
        retain: true,
        properties: { willDelayInterval: MQTT_WILL_DELAY_S },
      },
    })
  } catch (cause) {
    return failedChannel(id, createP2PError('ERR_BROKER_UNREACHABLE', cause))
  }

  const fail = (code: P2PErrorCode, cause?: unknown) => {
    // Closed already (also while its last messages go out): nothing to fail.
    if (ended) return
    ended = true
    open = false
    clearTimeout(reconnectTimer)
    clearTimeout(settledTimer)
    clearInterval(refreshTimer)
    queued.length = 0
    store.setState({ status: 'failed', error: createP2PError(code, cause) })
    client.end(true)
  }

  const members = () => roomMembers(presences.values())
  const peer = () => members().find((member) => member !== id) ?? null

  const publishPresence = (presence: Presence | null) =>
    client.publishAsync(
      topics.presence(id),
      (presence ? encodePresence(presence) : EMPTY) as Buffer,
      {
        qos: 1,
        retain: true,
        ...(presence ? { properties: { messageExpiryInterval: PRESENCE_TTL_S } } : {}),
      },
    )

  const publishSignal = (payload: Uint8Array) => {
    client.publish(topics.signal(id), payload as Buffer, { qos: 1 }, (error) => {
      if (error && reasonOf(error) === 135) fail('ERR_BROKER_DENIED', error)
    })
  }

  // Signals wait until this connection has seen the other member's presence (it follows their
  // subscription): a restarted broker kept no session for them, and would deliver to nobody.
  const seen = new Set<string>()
  const confirmed = () => seen.has(peer() ?? '')
  const flushQueued = () => {
    if (open && confirmed()) for (const payload of queued.splice(0)) publishSignal(payload)
  }

  async function join() {
    try {
      const granted = await client.subscribeAsync({
        [topics.allPresence]: { qos: 1 },
        // No Local: our own signals do not come back to us.
        [topics.allSignals]: { qos: 1, nl: true },
      })
      if (granted.some((grant) => grant.qos > 2)) {
        fail('ERR_BROKER_DENIED')
        return
      }
      // The broker sends the retained presences after granting the subscription, before it
      // acknowledges anything we publish next: once our presence is acknowledged, everyone already
      // in the room is known. We then come after all of them, whatever the clocks say.
      since ??= Date.now()
      presences.set(id, { id, since })
      await publishPresence({ id, since })
      await settle(incoming)
      if (!joinedOnce) {
        const latest = Math.max(
          ...[...presences.values()].filter((p) => p.id !== id).map((p) => p.since),
        )
        if (latest >= since) {
          since = latest + 1
          presences.set(id, { id, since })
          await publishPresence({ id, since })
        }
      }
    } catch (error) {
      // A refusal (the broker's ACL, a quota): say so. Anything else is a drop mid-join,
      // handled by `close`.
      const reason = reasonOf(error)
      if (reason === 135) fail('ERR_BROKER_DENIED', error)
      else if (reason !== undefined && reason >= 0x80) fail('ERR_BROKER_UNREACHABLE', error)
      return
    }
    if (ended || !client.connected) return
    if (!members().includes(id)) {
      await leaveFull()
      return
    }
    joinedOnce = true
    open = true
    attempts = 0
    // Simultaneous joins settle within a moment; after that nobody already in is pushed out.
    clearTimeout(settledTimer)
    settledTimer = setTimeout(() => (settled = true), SETTLE_MS)
    store.setState({ status: 'open', error: null })
    flushQueued()
    clearInterval(refreshTimer)
    refreshTimer = setInterval(
      () => {
        if (open && since !== null) publishPresence({ id, since }).catch(() => {})
      },
      (PRESENCE_TTL_S * 1000) / 2,
    )
  }

  // Two were here first: take our presence back and say the room is full.
  async function leaveFull() {
    presences.delete(id)
    await publishPresence(since === null ? null : { id, since, left: true }).catch(() => {})
    await publishPresence(null).catch(() => {})
    fail('ERR_ROOM_FULL')
  }

  function onPresence(member: string, payload: Uint8Array) {
    if (member === id || ended) return
    const presence = decodePresence(member, payload)
    if (presence === null) {
      console.warn('[react-p2p-call] dropped a malformed presence from the broker')
      return
    }
    // Once joined (also while rejoining: a will queued in our session arrives before we are open).
    const wasPeer = joinedOnce && peer() === member
    if (presence === 'gone' || presence.left) {
      presences.delete(member)
      // Its last will: the tab died without hanging up. Tell the session, as a `bye` would.
      if (presence === 'gone' && wasPeer)
        for (const listener of listeners) listener({ type: 'bye' }, member)
    } else {
      presences.set(member, presence)
      seen.add(member)
      flushQueued()
    }
    // A member with an earlier arrival showed up late (joins at the same moment): we are third.
    if (open && !settled && !members().includes(id)) void leaveFull()
  }

  function onSignal(member: string, payload: Uint8Array) {
    if (member === id) return
    incoming = incoming.then(async () => {
      const envelope = await decodeSignalPayload(payload)
      if (ended) return
      if (!envelope) {
        console.warn('[react-p2p-call] dropped a malformed signal from the broker')
        return
      }
      if (!fresh(member, envelope.seq)) return
      if (member !== peer()) {
        console.warn('[react-p2p-call] dropped a signal from someone not in the room')
        return
      }
      for (const listener of listeners) listener(envelope.message, member)
    })
  }

  client.on('connect', (connack: IConnackPacket) => {
    lastError = null
    maxPacketBytes = connack.properties?.maximumPacketSize ?? Number.POSITIVE_INFINITY
    seen.clear()
    void join()
  })
  client.on('error', (error) => {
    lastError = error
  })
  client.on('message', (topic, payload) => {
    const member = memberOfTopic(topic)
    if (member === null) return
    // Presence and signals in one ordered chain: a goodbye that is still being decoded is never
    // overtaken by its sender's "left".
    if (topic === topics.presence(member)) {
      incoming = incoming.then(() => onPresence(member, payload))
    } else if (topic === topics.signal(member)) onSignal(member, payload)
  })
  client.on('close', () => {
    if (ended) return
    open = false
    clearInterval(refreshTimer)
    const reason = reasonOf(lastError)
    if (reason === 134 || reason === 135) {
      fail('ERR_BROKER_AUTH', lastError)
      return
    }
    if (!joinedOnce) {
      // Never reached the room: a wrong URL or no broker. Say so once; no retry storm.
      fail('ERR_BROKER_UNREACHABLE', lastError ?? undefined)
      return
    }
    // It was open: the broker restarted or the network dropped. Back to the kept session.
    attempts += 1
    store.setState({ status: 'reconnecting', error: null })
    clearTimeout(reconnectTimer)
    reconnectTimer = setTimeout(
      () => {
        if (!ended) client.reconnect()
      },
      restartDelay(attempts, MQTT_RECONNECT_SCHEDULE),
    )
  })

  return {
    id,
    getState: store.getState,
    subscribe: store.subscribe,
    send(message) {
      if (ended || (!open && store.getState().status !== 'reconnecting')) {
        console.warn('[react-p2p-call] the MQTT channel is not open; dropped', message.type)
        return
      }
      const envelope = { seq: ++seq, message }
      const topic = topics.signal(id)
      outgoing = outgoing.then(async () => {
        const payload = await encodeSignalPayload(envelope)
        // Closing still sends what was sent before the close; a failed channel sends nothing.
        if (ended && !closing) return
        // Topic, header and properties fit in 64 bytes beside the topic itself.
        if (payload.length + topic.length + 64 > maxPacketBytes) {
          console.error(
            `[react-p2p-call] a ${message.type} signal of ${payload.length} bytes is larger than the broker's maximum packet size (${maxPacketBytes}); dropped. Raise the broker's max_packet_size.`,
          )
          return
        }
        // In order, after anything held; held too while the other member is not confirmed back.
        if (open && queued.length === 0 && (peer() === null || confirmed())) publishSignal(payload)
        else if (queued.length < MAX_QUEUED) queued.push(payload)
        else
          console.warn(
            `[react-p2p-call] the MQTT channel already holds ${MAX_QUEUED} signals (reconnecting, or waiting for the other member to come back); dropped`,
            message.type,
          )
      })
    },
    onMessage(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    close() {
      if (ended) return
      const wasOpen = open
      ended = true
      closing = true
      clearTimeout(reconnectTimer)
      clearTimeout(settledTimer)
      clearInterval(refreshTimer)
      queued.length = 0
      listeners.clear()
      store.setState({ status: 'closed', error: null })
      if (!wasOpen || since === null) {
        open = false
        client.end(true)
        return
      }
      // A clean leave: what was sent before (a goodbye) goes out first, then "left" (no goodbye
      // owed), then the retained presence cleared. A normal DISCONNECT discards the last will, and
      // a session expiry of 0 lets the broker forget us at once.
      const left = since
      void outgoing
        .then(() => publishPresence({ id, since: left, left: true }))
        .then(() => publishPresence(null))
        .catch(() => {})
        .finally(() => {
          open = false
          client.end(false, { reasonCode: 0, properties: { sessionExpiryInterval: 0 } })
        })
    },
  }
}

/** A channel that failed before it could start (a bad room name, a URL the client refused). */
function failedChannel(id: string, error: P2PError): SignalingChannel {
  const store = createStore<ChannelState>({ status: 'failed', error })
  return {
    id,
    getState: store.getState,
    subscribe: store.subscribe,
    send(message) {
      console.warn('[react-p2p-call] the MQTT channel failed; dropped', message.type)
    },
    onMessage: () => () => {},
    close() {},
  }
}
