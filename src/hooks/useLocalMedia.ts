import { useCallback, useEffect } from 'react'
import {
  createLocalMedia,
  type LocalMedia,
  type LocalMediaOptions,
  type LocalMediaState,
} from '../core/localMedia.js'
import { useDisposable } from './useDisposable.js'
import { useLatest } from './useLatest.js'
import { useLocalMediaState } from './useLocalMediaState.js'

/** Options of {@link useLocalMedia}. */
export interface UseLocalMediaOptions extends LocalMediaOptions {
  /** Start the camera on mount (a preview). Default `false`: it starts when a call needs it. */
  autoStart?: boolean
}

/** What {@link useLocalMedia} returns: the snapshot and stable actions. */
export interface UseLocalMediaResult extends LocalMediaState {
  /** The owner of the tracks, or `null` during the first render. */
  media: LocalMedia | null
  /** Starts camera and microphone; resolves `null` when they cannot be had (see `error`). */
  start: () => Promise<MediaStream | null>
  /** Stops every track: the camera light goes off. */
  stop: () => void
}

/**
 * Owns the camera and microphone for the lifetime of the component. Unmounting stops every track,
 * including tracks of a permission prompt that is answered after the unmount.
 *
 * `constraints` are read when the media is created (on mount); remount (e.g. with a `key`) to
 * change them.
 *
 * @example
 * const { stream, status, error, start, stop } = useLocalMedia({ constraints: { video: true, audio: true } })
 * return <LocalVideo stream={stream} />
 */
export function useLocalMedia(options: UseLocalMediaOptions = {}): UseLocalMediaResult {
  const latest = useLatest(options)
  const media = useDisposable(() => createLocalMedia(latest.current))

  useEffect(() => {
    if (media && latest.current.autoStart) void media.start()
  }, [media, latest])

  const state = useLocalMediaState(media)
  const mediaRef = useLatest(media)
  const start = useCallback(() => mediaRef.current?.start() ?? Promise.resolve(null), [mediaRef])
  const stop = useCallback(() => mediaRef.current?.stop(), [mediaRef])
  return { ...state, media, start, stop }
}
