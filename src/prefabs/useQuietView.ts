import { useEffect, useMemo, type RefObject } from 'react'
import type { PeerSession, PeerSessionState } from '../core/peerSession.js'
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

const REMOTE_VIDEO = '.rpc-tile--remote video'

/** Whether a hold would wait for anything: video is coming, and its picture is not there yet. */
function awaitsPicture(state: PeerSessionState, video: HTMLVideoElement): boolean {
  if (state.phase !== 'connecting' && state.phase !== 'connected') return false
  // No video is coming (the other side sends none: its stream, given at the click or with their
  // offer, has no video), or its picture is there already.
  return (
    (state.remoteStream?.getVideoTracks().length ?? 0) > 0 &&
    video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA
  )
}

/**
 * Calls `release` once `video` has its first frame: on screen (after it is composited, in a task
 * of its own, so the render it brings never delays that frame), or decoded when the video is
 * hidden (a hidden video presents no frame). Returns the cleanup.
 */
function releaseAtFirstFrame(video: HTMLVideoElement, release: () => void): () => void {
  let live = true
  let timer: ReturnType<typeof setTimeout> | undefined
  const shown = () => {
    if (live) timer = setTimeout(release)
  }
  const onData = () => {
    const rendered = video.getClientRects().length > 0
    if (rendered && typeof video.requestVideoFrameCallback === 'function')
      video.requestVideoFrameCallback(shown)
    else shown()
  }
  video.addEventListener('loadeddata', onData, { once: true })
  return () => {
    live = false
    video.removeEventListener('loadeddata', onData)
    clearTimeout(timer)
    release()
  }
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
    const video = root.current?.querySelector<HTMLVideoElement>(REMOTE_VIDEO)
    if (!showingCall || !quiet || !video || !awaitsPicture(quiet.view.getState(), video)) return
    quiet.hold(QUIET_MAX_MS)
    return releaseAtFirstFrame(video, quiet.release)
  }, [showingCall, quiet, root])
}

/**
 * The change that says the other side applied our answer: the connection (DTLS) comes up. Not
 * ICE: the answering side's checks often succeed before the other side has the answer.
 */
export function connectionComesUp(before: PeerSessionState, now: PeerSessionState): boolean {
  return before.connectionState !== 'connected' && now.connectionState === 'connected'
}

/**
 * For the side that answered by copy-paste and waits for the other to complete the connection,
 * with the call view made ahead (hidden) under `root`: from the change that brings the connection
 * up to the other person's first frame in that view's remote video (or `QUIET_MAX_MS`), the view
 * stands still. At that moment the browser sends its own first frame, the one the other side
 * waits for: the call view appears with the picture, not on top of it. Until that change, every
 * change shows as it comes, however long the wait.
 */
export function useQuietUntilConnected(
  quiet: QuietSession | null,
  waiting: boolean,
  root: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    const video = root.current?.querySelector<HTMLVideoElement>(REMOTE_VIDEO)
    if (!waiting || !quiet || !video || !awaitsPicture(quiet.view.getState(), video)) return
    quiet.holdFrom(connectionComesUp, QUIET_MAX_MS)
    return releaseAtFirstFrame(video, quiet.release)
  }, [waiting, quiet, root])
}
