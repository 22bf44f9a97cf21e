import type { ComponentPropsWithoutRef } from 'react'
import type { CallPhase } from '../core/phase.js'
import type { ConnectionLayers } from '../core/peerSession.js'

/** Props of {@link ConnectionStatePanel}. */
export interface ConnectionStatePanelProps
  extends ComponentPropsWithoutRef<'div'>, ConnectionLayers {
  phase: CallPhase
  labels?: Partial<
    Record<'connectionState' | 'phase' | 'signaling' | 'gathering' | 'ice' | 'connection', string>
  >
}

/**
 * The four state layers as the browser reports them, and the derived phase (`role="status"`).
 * Its live announcements are off by default (`aria-live="off"`): ICE ticks are too chatty for a
 * screen reader; `VideoCallLayout` announces phase changes instead. Pass `aria-live="polite"` to
 * have every line read. `data-state` carries the phase for CSS.
 *
 * @example
 * const state = useConnectionState(session)
 * return <ConnectionStatePanel {...state} />
 */
export function ConnectionStatePanel({
  phase,
  signalingState,
  iceGatheringState,
  iceConnectionState,
  connectionState,
  labels = {},
  ...rest
}: ConnectionStatePanelProps) {
  const lines: [string, string, string][] = [
    ['phase', labels.phase ?? 'phase', phase],
    ['signaling', labels.signaling ?? 'signaling', signalingState],
    ['gathering', labels.gathering ?? 'gathering', iceGatheringState],
    ['ice', labels.ice ?? 'ice', iceConnectionState],
    ['connection', labels.connection ?? 'connection', connectionState],
  ]
  return (
    <div
      role="status"
      aria-live="off"
      aria-label={labels.connectionState ?? 'Connection state'}
      className="rpc-state"
      data-state={phase}
      {...rest}
    >
      {lines.map(([key, label, value]) => (
        <div key={key} className={`rpc-state__line rpc-state__line--${key}`} data-state={value}>
          {label}: {value}
        </div>
      ))}
    </div>
  )
}
