import {
  forwardRef,
  memo,
  useEffect,
  useImperativeHandle,
  useRef,
  type ComponentPropsWithoutRef,
} from 'react'

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 1000 })
    : setTimeout(run, 200)

/** Props of {@link StreamVideo}: a native `<video>`'s props plus the stream to show. */
export interface StreamVideoProps extends ComponentPropsWithoutRef<'video'> {
  /** The stream to show; `null` clears the element. */
  stream: MediaStream | null
  /** Show it as a mirror (what people expect of their own camera). */
  mirrored?: boolean
  /** The audio output device (`setSinkId`, where the browser supports it); `''` is the default. */
  sinkId?: string
}

/**
 * A `<video>` that plays a `MediaStream`: sets `srcObject` in an effect (once, StrictMode too) and
 * clears it once unmounted, when the page is idle; `autoPlay` and `playsInline` (iOS). Memoised:
 * it re-renders only when its props change.
 *
 * @example
 * <StreamVideo stream={stream} aria-label="Screen share" />
 */
export const StreamVideo = memo(
  forwardRef<HTMLVideoElement, StreamVideoProps>(function StreamVideo(
    { stream, mirrored = false, sinkId, style, ...rest },
    ref,
  ) {
    const inner = useRef<HTMLVideoElement>(null)
    useImperativeHandle(ref, () => inner.current as HTMLVideoElement)

    useEffect(() => {
      const video = inner.current
      if (!video) return
      // Giving a video the stream it has would load it again (a blank frame).
      if (video.srcObject !== stream) video.srcObject = stream
      return () => {
        // Unmounted (a lobby's preview giving way to the call): the element is out of the page and
        // paused; it lets go of the stream once the page is idle, as tearing its player down stalls
        // the main thread for 10–15 ms, right while a call connects. A changed stream replaces the
        // old one at once (the next run of this effect); a remount keeps it (StrictMode).
        whenIdle(() => {
          if (!video.isConnected && video.srcObject === stream) video.srcObject = null
        })
      }
    }, [stream])

    useEffect(() => {
      const video = inner.current as
        (HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> }) | null
      if (sinkId === undefined || !video?.setSinkId) return
      video.setSinkId(sinkId).catch((error: unknown) => {
        console.warn('[react-p2p-call] could not switch the speaker', error)
      })
    }, [sinkId])

    return (
      <video
        ref={inner}
        autoPlay
        playsInline
        data-state={stream ? 'live' : 'empty'}
        data-mirrored={mirrored ? '' : undefined}
        style={mirrored ? { transform: 'scaleX(-1)', ...style } : style}
        {...rest}
      />
    )
  }),
)
