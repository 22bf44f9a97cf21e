import { createContext, useContext, type ReactNode } from 'react'
import type { LocalMedia } from '../core/localMedia.js'
import type { PeerSession } from '../core/peerSession.js'

// `undefined`: no provider. `null`: a provider whose session is not mounted yet.
const SessionContext = createContext<PeerSession | null | undefined>(undefined)
const MediaContext = createContext<LocalMedia | null | undefined>(undefined)

/** Props of {@link PeerSessionProvider}. */
export interface PeerSessionProviderProps {
  /** The session from `usePeerConnection` (null until it has mounted). */
  session: PeerSession | null
  /** The local media from `useLocalMedia`, if the subtree uses it. */
  media?: LocalMedia | null
  children?: ReactNode
}

/**
 * Makes a session (and optionally local media) available to the hooks below it.
 *
 * @example
 * const { session } = usePeerConnection()
 * const { media } = useLocalMedia()
 * return <PeerSessionProvider session={session} media={media}><MyLayout /></PeerSessionProvider>
 */
export function PeerSessionProvider({ session, media = null, children }: PeerSessionProviderProps) {
  return (
    <SessionContext.Provider value={session}>
      <MediaContext.Provider value={media}>{children}</MediaContext.Provider>
    </SessionContext.Provider>
  )
}

/**
 * The session of the nearest provider; throws outside one.
 *
 * @example
 * function HangUpButton() {
 *   const session = usePeerSessionContext()
 *   return <button onClick={() => session?.hangUp()}>Hang up</button>
 * }
 */
export function usePeerSessionContext(): PeerSession | null {
  const session = useContext(SessionContext)
  if (session === undefined) {
    throw new Error(
      'usePeerSessionContext: no <PeerSessionProvider> (or <VideoCall>) above this component. ' +
        'Wrap it in one, or pass the session to the hook directly.',
    )
  }
  return session
}

/**
 * The session of the nearest provider, or `undefined` outside one.
 *
 * @example
 * const session = useMaybePeerSessionContext() ?? null
 */
export function useMaybePeerSessionContext(): PeerSession | null | undefined {
  return useContext(SessionContext)
}

/**
 * The local media of the nearest provider, or `undefined` outside one.
 *
 * @example
 * const media = useMaybeLocalMediaContext()
 */
export function useMaybeLocalMediaContext(): LocalMedia | null | undefined {
  return useContext(MediaContext)
}
