import { useEffect, useState, useSyncExternalStore } from 'react'
import { createBroadcastSignaling } from '../core/broadcastSignaling.js'
import type { LocalStreamSource, PeerSession } from '../core/peerSession.js'
import type { ChannelState, SignalingChannel } from '../core/signalingChannel.js'
import { createWebSocketSignaling } from '../core/webSocketSignaling.js'
import { useLatest } from './useLatest.js'
import { useMaybePeerSessionContext } from './PeerSessionContext.js'

/** Which channel to use: none (copy-paste), tabs of this browser, or a WebSocket relay. */
export type SignalingChoice =
  | { kind: 'copy-paste' }
  | { kind: 'same-browser'; room: string }
  | { kind: 'websocket'; url: string; room: string }

/** Options of {@link useSignalingChannel}. */
export interface UseSignalingChannelOptions {
  /** Wins over the context. */
  session?: PeerSession | null
  /** Media for a call that arrives on the channel (answered automatically). */
  media?: LocalStreamSource
}

const NONE: ChannelState = { status: 'closed', error: null }
const noSubscription = () => () => {}

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
  const latest = useLatest(options)
  const kind = choice.kind
  const room = choice.kind === 'copy-paste' ? '' : choice.room
  const url = choice.kind === 'websocket' ? choice.url : ''

  useEffect(() => {
    if (!session || kind === 'copy-paste' || !room) return
    const created =
      kind === 'same-browser' ? createBroadcastSignaling(room) : createWebSocketSignaling(url, room)
    const detach = session.attachChannel(created, {
      media: () => {
        const media = latest.current.media
        return typeof media === 'function' ? media() : Promise.resolve(media ?? null)
      },
    })
    // The channel is an external system this effect connects to; its state is read below.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setChannel(created)
    return () => {
      detach()
      created.close()
      setChannel(null)
    }
  }, [session, kind, room, url, latest])

  return useSyncExternalStore(
    channel ? channel.subscribe : noSubscription,
    channel ? channel.getState : () => NONE,
    channel ? channel.getState : () => NONE,
  )
}
