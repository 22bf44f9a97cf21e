// The `react-p2p-call/mqtt` entry: signaling on an MQTT 5 broker over WebSockets. Separate from the
// main entry so that only apps that use it carry mqtt.js (an optional peer dependency).
import mqtt from 'mqtt'
import type { IClientOptions, MqttClient } from 'mqtt'
import { createMqttChannel } from './core/mqttSignaling.js'
import type { MqttSignalingOptions } from './core/mqttProtocol.js'
import type { SignalingChannel } from './core/signalingChannel.js'

export { MQTT_RECONNECT_SCHEDULE, MQTT_WILL_DELAY_S } from './core/mqttSignaling.js'
export { MQTT_TOPIC_PREFIX } from './core/mqttProtocol.js'
export type { MqttSignalingOptions } from './core/mqttProtocol.js'

/** Options of {@link createMqttSignaling}. */
export interface CreateMqttSignalingOptions extends MqttSignalingOptions {
  /** Creates the MQTT client. Default: mqtt.js's `connect`. */
  connect?: (url: string, options: IClientOptions) => MqttClient
  /** More mqtt.js options (TLS, `keepalive`, `wsOptions`, …); the channel sets its own after them. */
  clientOptions?: IClientOptions
}

/**
 * A signaling channel on an MQTT 5 broker over WebSockets (mosquitto, EMQX, VerneMQ, HiveMQ, a
 * managed service): rooms of two with retained presence and a last will, QoS 1 signals, reconnects
 * after a drop. Attach it to a session like any other channel.
 *
 * @example
 * import { createMqttSignaling } from 'react-p2p-call/mqtt'
 *
 * const channel = createMqttSignaling({
 *   url: 'wss://broker.example.org/mqtt',
 *   room: 'team-standup',
 *   username: 'alice',
 *   password: 'alice-secret',
 * })
 * session.attachChannel(channel, { media: () => media.start() })
 */
export function createMqttSignaling(options: CreateMqttSignalingOptions): SignalingChannel {
  return createMqttChannel({ ...options, connect: options.connect ?? mqtt.connect })
}
