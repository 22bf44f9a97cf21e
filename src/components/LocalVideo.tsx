import { forwardRef, memo } from 'react'
import { StreamVideo, type StreamVideoProps } from './StreamVideo.js'

/** Props of {@link LocalVideo}. */
export type LocalVideoProps = StreamVideoProps

/**
 * Your own camera: muted (no echo of yourself), mirrored, labelled "Local video" by default.
 *
 * @example
 * const { stream } = useLocalMedia({ autoStart: true })
 * return <LocalVideo stream={stream} />
 */
export const LocalVideo = memo(
  forwardRef<HTMLVideoElement, LocalVideoProps>(function LocalVideo(props, ref) {
    return <StreamVideo ref={ref} muted mirrored aria-label="Local video" {...props} />
  }),
)
