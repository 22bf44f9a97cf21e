import { useCallback, useEffect } from 'react'
import type { P2PError } from '../core/errors.js'
import type { CallPhase } from '../core/phase.js'
import {
  createPeerSession,
  type CallStepOptions,
  type PeerSession,
  type PeerSessionOptions,
} from '../core/peerSession.js'
import { useDisposable } from './useDisposable.js'
import { useLatest } from './useLatest.js'

/** Options of {@link usePeerConnection}. */
export interface UsePeerConnectionOptions extends PeerSessionOptions {
  /** Called once for each new error. Its identity may change freely. */
  onError?: (error: P2PError) => void
  /** Called on each phase change. Its identity may change freely. */
  onPhaseChange?: (phase: CallPhase) => void
}

/** What {@link usePeerConnection} returns. The actions are stable across renders. */
export interface UsePeerConnectionResult {
  /** The session, or `null` during the first render (it is created in an effect). */
  session: PeerSession | null
  createOffer: (options?: CallStepOptions) => Promise<void>
  createAnswer: (remoteSignal: string, options?: CallStepOptions) => Promise<void>
  completeConnection: (remoteSignal: string) => Promise<void>
  hangUp: () => void
}

/**
 * Owns a call session for the lifetime of the component: created in an effect (so StrictMode's
 * double mount leaves exactly one), disposed on unmount, which closes its connection.
 *
 * Nothing recreates the session: connection options (`iceServers`, …) are read when a call starts,
 * so new values apply to the next call and never interrupt the current one.
 *
 * @example
 * function Caller() {
 *   const { session, createOffer } = usePeerConnection({ iceServers: [] })
 *   const { start } = useLocalMedia()
 *   const { localSignal, phase } = useConnectionState(session)
 *   return (
 *     <>
 *       <button onClick={() => createOffer({ media: start })}>Create offer</button>
 *       <output data-state={phase}>{localSignal}</output>
 *     </>
 *   )
 * }
 */
export function usePeerConnection(options: UsePeerConnectionOptions = {}): UsePeerConnectionResult {
  const latest = useLatest(options)
  const session = useDisposable(() => createPeerSession(latest.current))

  // Callbacks are read from the latest props, so a new identity never recreates anything.
  useEffect(() => {
    if (!session) return
    let { error, phase } = session.getState()
    return session.subscribe(() => {
      const state = session.getState()
      if (state.error !== error && state.error) latest.current.onError?.(state.error)
      if (state.phase !== phase) latest.current.onPhaseChange?.(state.phase)
      ;({ error, phase } = state)
    })
  }, [session, latest])

  // Closing the tab hangs up (best effort): the other side learns it at once instead of waiting
  // for ICE to time out.
  useEffect(() => {
    if (!session || typeof window === 'undefined') return
    const onPageHide = () => session.hangUp()
    window.addEventListener('pagehide', onPageHide)
    return () => window.removeEventListener('pagehide', onPageHide)
  }, [session])

  // Options reach the session on every render; it reads them only when the next call starts.
  useEffect(() => {
    session?.setOptions(options)
  })

  const sessionRef = useLatest(session)
  const createOffer = useCallback(
    (step?: CallStepOptions) => sessionRef.current?.createOffer(step) ?? Promise.resolve(),
    [sessionRef],
  )
  const createAnswer = useCallback(
    (remote: string, step?: CallStepOptions) =>
      sessionRef.current?.createAnswer(remote, step) ?? Promise.resolve(),
    [sessionRef],
  )
  const completeConnection = useCallback(
    (remote: string) => sessionRef.current?.completeConnection(remote) ?? Promise.resolve(),
    [sessionRef],
  )
  const hangUp = useCallback(() => sessionRef.current?.hangUp(), [sessionRef])

  return { session, createOffer, createAnswer, completeConnection, hangUp }
}
