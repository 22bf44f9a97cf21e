import type { ComponentPropsWithoutRef } from 'react'
import type { MediaSwitches } from '../core/peerSession.js'

/** Props of {@link RemoteMediaBadges}. */
export interface RemoteMediaBadgesProps extends ComponentPropsWithoutRef<'p'> {
  /** What the other side said (`PeerSessionState.remoteMedia`). */
  state: MediaSwitches | null
  labels?: Partial<Record<'remoteMicMuted' | 'remoteCameraOff', string>>
}

/**
 * What the other person switched off, announced politely: "Their microphone is muted", "Their
 * camera is off".
 *
 * @example
 * const remoteMedia = useSessionSelector((s) => s.remoteMedia)
 * <RemoteMediaBadges state={remoteMedia} />
 */
export function RemoteMediaBadges({ state, labels = {}, ...rest }: RemoteMediaBadgesProps) {
  return (
    <p role="status" className="rpc-badges" {...rest}>
      {state?.micMuted && (
        <span className="rpc-badge" data-state="mic-muted">
          {labels.remoteMicMuted ?? 'Their microphone is muted'}
        </span>
      )}
      {state?.cameraOff && (
        <span className="rpc-badge" data-state="camera-off">
          {labels.remoteCameraOff ?? 'Their camera is off'}
        </span>
      )}
    </p>
  )
}
