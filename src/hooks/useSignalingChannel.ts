import { useStoreState } from './useStoreState.js'
import { useEffect, useState } from 'react'
import { createBroadcastSignaling } from '../core/broadcastSignaling.js'
import type { MqttSignalingOptions } from '../core/mqttProtocol.js'
import type { LocalStreamSource, PeerSession } from '../core/peerSession.js'
import { createP2PError } from '../core/errors.js'
import type { ChannelState, SignalingChannel } from '../core/signalingChannel.js'
import { createWebSocketSignaling } from '../core/webSocketSignaling.js'
import { useLatest } from './useLatest.js'
import { useMaybePeerSessionContext } from './PeerSessionContext.js'

/**
 * Loads the MQTT channel when it is chosen, so that mqtt.js is in the app's bundle only as a lazy
 * chunk: `() => import('react-p2p-call/mqtt')`.
 */
export type MqttSignalingLoader = () => Promise<{
  createMqttSignaling: (options: MqttSignalingOptions) => SignalingChannel
}>

/** Which channel to use: none (copy-paste), tabs of this browser, a WebSocket relay or an MQTT broker. */
export type SignalingChoice =
  | { kind: 'copy-paste' }
  | { kind: 'same-browser'; room: string }
  | { kind: 'websocket'; url: string; room: string }
  | ({ kind: 'mqtt'; load: MqttSignalingLoader } & MqttSignalingOptions)

/** Options of {@link useSignalingChannel}. */
export interface UseSignalingChannelOptions {
  /** Wins over the context. */
  session?: PeerSession | null
  /** Media for a call that arrives on the channel (answered automatically). */
  media?: LocalStreamSource
}

const NONE: ChannelState = { status: 'closed', error: null }
const LOADING: ChannelState = { status: 'connecting', error: null }

/**
 * Creates the chosen signaling channel, attaches it to the session, and closes it when the choice
 * (kind, room or URL) changes or the component unmounts. Returns the channel's state.
 *
 * @example
 * const channel = useSignalingChannel({ kind: 'same-browser', room: 'demo' }, { media: start })
 * return <button disabled={channel.status !== 'open'} onClick={() => session?.startCall()}>Start call</button>
 */
export function useSignalingChannel(
  choice: SignalingChoice,
  options: UseSignalingChannelOptions = {},
): ChannelState {
  const fromContext = useMaybePeerSessionContext()
  const session = options.session === undefined ? fromContext : options.session
  const [channel, setChannel] = useState<SignalingChannel | null>(null)
  // The MQTT entry is loading (or failed to load): its state until there is a channel.
  const [pending, setPending] = useState<ChannelState | null>(null)
  const latest = useLatest(options)
  const latestChoice = useLatest(choice)
  const kind = choice.kind
  const room = choice.kind === 'copy-paste' ? '' : choice.room
  const url = choice.kind === 'websocket' || choice.kind === 'mqtt' ? choice.url : ''
  const username = choice.kind === 'mqtt' ? (choice.username ?? '') : ''
  const password = choice.kind === 'mqtt' ? (choice.password ?? '') : ''

  useEffect(() => {
    if (!session || kind === 'copy-paste' || !room) return
    let created: SignalingChannel | null = null
    let detach = () => {}
    let cancelled = false
    const use = (next: SignalingChannel) => {
      created = next
      detach = session.attachChannel(next, {
        media: () => {
          const media = latest.current.media
          return typeof media === 'function' ? media() : Promise.resolve(media ?? null)
        },
      })
      setPending(null)
      setChannel(next)
    }
    const current = latestChoice.current
    if (current.kind === 'mqtt') {
      // mqtt.js is loaded only now, when the broker is chosen.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setPending(LOADING)
      current
        .load()
        .then((module) => {
          if (cancelled) return
          use(
            module.createMqttSignaling({
              url,
              room,
              ...(username ? { username } : {}),
              ...(password ? { password } : {}),
            }),
          )
        })
        .catch((cause: unknown) => {
          if (!cancelled) {
            setPending({ status: 'failed', error: createP2PError('ERR_SIGNALING_MODULE', cause) })
          }
        })
    } else {
      use(
        kind === 'same-browser'
          ? createBroadcastSignaling(room)
          : createWebSocketSignaling(url, room),
      )
    }
    return () => {
      cancelled = true
      detach()
      ;(created as SignalingChannel | null)?.close()
      setChannel(null)
      setPending(null)
    }
  }, [session, kind, room, url, username, password, latest, latestChoice])

  const state = useStoreState(channel, () => NONE)
  return pending ?? state
}
