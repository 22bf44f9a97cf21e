import type { ComponentPropsWithoutRef } from 'react'
import type { MediaSwitches } from '../core/peerSession.js'
import { Icon } from './Icon.js'

/** Props of {@link RemoteMediaBadges}. */
export interface RemoteMediaBadgesProps extends ComponentPropsWithoutRef<'p'> {
  /** What the other side said (`PeerSessionState.remoteMedia`). */
  state: MediaSwitches | null
  /** `text` (default): pills with words. `icon`: icons on a tile, the words for screen readers. */
  variant?: 'text' | 'icon'
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
export function RemoteMediaBadges({
  state,
  variant = 'text',
  labels = {},
  ...rest
}: RemoteMediaBadgesProps) {
  const badges = [
    state?.micMuted &&
      (['mic-muted', 'micOff', labels.remoteMicMuted ?? 'Their microphone is muted'] as const),
    state?.cameraOff &&
      (['camera-off', 'cameraOff', labels.remoteCameraOff ?? 'Their camera is off'] as const),
  ]
  return (
    <p role="status" className="rpc-badges" data-variant={variant} {...rest}>
      {badges.map(
        (badge) =>
          badge && (
            <span key={badge[0]} className="rpc-badge" data-state={badge[0]} title={badge[2]}>
              {variant === 'icon' && <Icon name={badge[1]} />}
              <span className={variant === 'icon' ? 'rpc-visually-hidden' : undefined}>
                {badge[2]}
              </span>
            </span>
          ),
      )}
    </p>
  )
}
