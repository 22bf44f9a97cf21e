import {
  forwardRef,
  memo,
  useEffect,
  useImperativeHandle,
  useRef,
  type ComponentPropsWithoutRef,
} from 'react'

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
 * A `<video>` that plays a `MediaStream`: sets `srcObject` in an effect and clears it on cleanup,
 * `autoPlay` and `playsInline` (iOS). Memoised: it re-renders only when its props change.
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
      video.srcObject = stream
      return () => {
        video.srcObject = null
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
