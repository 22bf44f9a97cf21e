import { useEffect, useMemo, type RefObject } from 'react'
import type { PeerSession } from '../core/peerSession.js'
import { createQuietSession, type HoldTest, type QuietSession } from './quietSession.js'

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
 * When the layout holds `quiet`: `'now'` as it shows a call that is coming up (the caller, from the
 * click), `'at-connected'` as it waits in the lobby for a call made ahead (the callee, whose call
 * shows at `connected`), or `null`.
 */
export type QuietWhen = 'now' | 'at-connected' | null

const showsCall: HoldTest = (before, now) =>
  before.phase !== 'connected' && now.phase === 'connected'

/**
 * Holds `quiet` while the call comes up, until the other person's first frame is in the remote
 * video under `root` (or `QUIET_MAX_MS`): from now (`'now'`), or from the change to `connected`
 * (`'at-connected'`). In that window the browser finishes ICE and DTLS, starts sending and decodes
 * the first frame: a render then would take the processor from it (measured: `npm run
 * bench:connect`). What changed meanwhile (the answer applied, `connected`, the security code, the
 * call view itself for the callee) shows in one render with the picture.
 */
export function useQuietUntilFirstFrame(
  quiet: QuietSession | null,
  when: QuietWhen,
  root: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const video = root.current?.querySelector<HTMLVideoElement>('.rpc-tile--remote video')
    if (!when || !quiet || !video) return
    const { phase, remoteStream } = quiet.view.getState()
    if (phase !== 'connecting' && phase !== 'connected') return
    // Nothing to wait for: no video is coming (the other side sends none: its stream, given at
    // the click or with their offer, has no video), or its picture is there already.
    if (!remoteStream?.getVideoTracks().length) return
    if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) return
    if (when === 'now') quiet.hold(QUIET_MAX_MS)
    else quiet.holdAt(showsCall, QUIET_MAX_MS)
    let live = true
    let timer: ReturnType<typeof setTimeout> | undefined
    // After the frame is composited, in a task of its own: the render never delays that frame. A
    // video made ahead is hidden, and not composited: its first frame is enough.
    const shown = () => {
      if (live) timer = setTimeout(quiet.release)
    }
    const onData = () => {
      if (typeof video.requestVideoFrameCallback === 'function' && !video.closest('[hidden]'))
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
  }, [when, quiet, root])
}
