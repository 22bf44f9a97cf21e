import { IconButton } from '../components/IconButton.js'
import type { PeerSessionState } from '../core/peerSession.js'
import type { LayoutContext } from './layoutContext.js'

/** After a call: "Call ended", who ended it, and **Call again**. */
export function EndedCard({
  labels,
  details,
  endedBy,
  onCallAgain,
}: LayoutContext & { endedBy: PeerSessionState['endedBy']; onCallAgain: () => void }) {
  return (
    <div className="rpc-ended">
      <div className="rpc-card">
        <h2 className="rpc-card__title">{labels.callEnded}</h2>
        {endedBy === 'remote' && (
          <p role="status" className="rpc-notice" data-state="remote-hung-up">
            {labels.remoteHungUp}
          </p>
        )}
        <div className="rpc-card__actions">
          <button type="button" className="rpc-button" data-variant="primary" onClick={onCallAgain}>
            {labels.callAgain}
          </button>
          <IconButton
            icon="details"
            label={labels.details}
            aria-expanded={details.open}
            aria-controls={details.id}
            onClick={details.toggle}
          />
        </div>
      </div>
    </div>
  )
}
