import { forwardRef, memo } from 'react'
import { StreamVideo, type StreamVideoProps } from './StreamVideo.js'

/** Props of {@link RemoteVideo}. */
export type RemoteVideoProps = StreamVideoProps

/**
 * The other person's video and sound, labelled "Remote video" by default.
 *
 * @example
 * const remoteStream = useSessionSelector((s) => s.remoteStream)
 * return <RemoteVideo stream={remoteStream} />
 */
export const RemoteVideo = memo(
  forwardRef<HTMLVideoElement, RemoteVideoProps>(function RemoteVideo(props, ref) {
    return <StreamVideo ref={ref} aria-label="Remote video" {...props} />
  }),
)
