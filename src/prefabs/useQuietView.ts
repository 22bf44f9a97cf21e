import { useEffect, useMemo, type RefObject } from 'react'
import type { PeerSession } from '../core/peerSession.js'
import { createQuietSession, type QuietSession } from './quietSession.js'

/**
 * How long at most the layout stays still after it shows a call that is coming up: past it, what
 * the connection does shows even before the other person's picture (a slow network, a peer that
 * sends no video).
 */
export const QUIET_MAX_MS = 1000

/** A view of `session` for the layout to read from (see {@link createQuietSession}). */
export function useQuietSession(session: PeerSession | null): QuietSession | null {
  return useMemo(() => (session ? createQuietSession(session) : null), [session])
}

/**
 * Holds `quiet` from the moment `showingCall` turns true, while the call is coming up, until the
 * other person's first frame is on screen in the remote video under `root` (or `QUIET_MAX_MS`).
 * In that window the browser finishes ICE and DTLS and decodes the first frame: a render then
 * would take the processor from it (measured: `npm run bench:connect`). The call view is shown
 * already, with Hang up; what changed meanwhile (the answer applied, `connected`, the security
 * code, the rest of the bar) shows in one render with the picture.
 */
export function useQuietUntilFirstFrame(
  quiet: QuietSession | null,
  showingCall: boolean,
  root: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const video = root.current?.querySelector<HTMLVideoElement>('.rpc-tile--remote video')
    if (!showingCall || !quiet || !video) return
    const { phase, remoteStream } = quiet.view.getState()
    if (phase !== 'connecting' && phase !== 'connected') return
    // Nothing to wait for: no video is coming (the other side sends none: its stream, given at
    // the click or with their offer, has no video), or its picture is there already.
    if (!remoteStream?.getVideoTracks().length) return
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) return
    quiet.hold(QUIET_MAX_MS)
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    // After the frame is composited, in a task of its own: the render never delays that frame.
    const shown = () => {
      if (live) timer = setTimeout(quiet.release)
    }
    const onData = () => {
      if (typeof video.requestVideoFrameCallback === 'function')
        video.requestVideoFrameCallback(shown)
      else shown()
    }
    video.addEventListener('loadeddata', onData, { once: true })
    return () => {
      live = false
      video.removeEventListener('loadeddata', onData)
      clearTimeout(timer)
      quiet.release()
    }
  }, [showingCall, quiet, root])
}
