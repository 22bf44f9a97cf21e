import { useStoreState } from './useStoreState.js'
import { useEffect, useState } from 'react'
import type { MqttSignalingOptions } from '../core/mqttProtocol.js'
import type { LocalStreamSource, PeerSession } from '../core/peerSession.js'
import { createP2PError } from '../core/errors.js'
import type { ChannelState, SignalingChannel } from '../core/signalingChannel.js'
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
  // The channel's code is loading (or failed to load): its state until there is a channel.
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
    // Each channel's code is loaded when it is chosen: an app that only copies and pastes never
    // loads them, and mqtt.js comes only with the broker.
    const load: Promise<() => SignalingChannel> =
      current.kind === 'mqtt'
        ? current.load().then(
            (module) => () =>
              module.createMqttSignaling({
                url,
                room,
                ...(username ? { username } : {}),
                ...(password ? { password } : {}),
              }),
          )
        : kind === 'same-browser'
          ? import('../core/broadcastSignaling.js').then(
              (module) => () => module.createBroadcastSignaling(room),
            )
          : import('../core/webSocketSignaling.js').then(
              (module) => () => module.createWebSocketSignaling(url, room),
            )
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPending(LOADING)
    load.then(
      (create) => {
        if (!cancelled) use(create())
      },
      (cause: unknown) => {
        if (!cancelled) {
          // mqtt.js may be missing from the app; the kit's own chunks only fail to load.
          const code = current.kind === 'mqtt' ? 'ERR_SIGNALING_MODULE' : 'ERR_CALL_MODULE'
          setPending({ status: 'failed', error: createP2PError(code, cause) })
        }
      },
    )
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
