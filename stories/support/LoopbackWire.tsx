import { useEffect } from 'react'
import {
  useMaybeLocalMediaContext,
  usePeerSessionContext,
  useSessionSelector,
  type CallRole,
  type PeerSessionState,
} from '../../src'
import type { MemoryChannelEnd } from './memoryChannel'

const selectLocalSignal = (s: PeerSessionState) => s.localSignal

/**
 * Carries the signals of the `VideoCall` it sits in over a channel instead of the clipboard: what
 * would be copied is sent, and what arrives is applied as the paste would be.
 */
export function LoopbackWire({ channel, role }: { channel: MemoryChannelEnd; role: CallRole }) {
  const session = usePeerSessionContext()
  const media = useMaybeLocalMediaContext()
  const localSignal = useSessionSelector(selectLocalSignal)

  useEffect(() => {
    if (localSignal) channel.send(localSignal)
  }, [channel, localSignal])

  useEffect(() => {
    if (!session) return
    return channel.onMessage((signal) => {
      if (role === 'caller') void session.completeConnection(signal)
      else
        void session.createAnswer(signal, { media: () => media?.start() ?? Promise.resolve(null) })
    })
  }, [channel, session, media, role])

  return null
}
