import { lazy, Suspense, useEffect, useRef } from 'react'
import { GatheringProgress } from '../components/GatheringProgress.js'
import { IconButton } from '../components/IconButton.js'
import { SignalFormatPicker } from '../components/SignalFormatPicker.js'
import type { PeerSessionState } from '../core/peerSession.js'
import { useSessionSelector } from '../hooks/useSessionSelector.js'
import { ChunkErrorBoundary } from './ChunkErrorBoundary.js'
import type { LayoutContext } from './layoutContext.js'
import { SessionStatePanel } from './sessionParts.js'

// Loaded when Details first opens (3 kB less for a call that never opens it). A failed load shows
// a note in Details, and the next opening tries again (React.lazy keeps a rejection, so a fresh one).
const loadDiagnostics = () =>
  lazy(() => import('./DetailsDiagnostics.js').then((m) => ({ default: m.DetailsDiagnostics })))
let DetailsDiagnostics = loadDiagnostics()
const retryDiagnostics = () => {
  DetailsDiagnostics = loadDiagnostics()
}

const selectCandidateCounts = (s: PeerSessionState) => s.candidateCounts
const selectSignalFormat = (s: PeerSessionState) => s.signalFormat

/**
 * **Details**: everything about signals and protocol state, for the curious and for debugging —
 * the Connection state panel, the signal's format and candidates, call stats,
 * the state timeline and the debug report. Closed by default; nothing in it is needed for a call.
 */
export function DetailsPanel(props: LayoutContext & { callName: string | undefined }) {
  const { session, labels, details, mode, phase, channel, callName } = props
  const counts = useSessionSelector(selectCandidateCounts, session)
  const format = useSessionSelector(selectSignalFormat, session)
  // On a phone the panel is a sheet at the bottom of the call; in a lobby taller than the screen
  // that bottom is below the fold: opening Details brings it into view (a no-op where it shows).
  const panel = useRef<HTMLElement>(null)
  useEffect(() => {
    if (details.open) panel.current?.scrollIntoView({ block: 'nearest' })
  }, [details.open])
  return (
    <aside
      ref={panel}
      id={details.id}
      // Two calls on a page: two panels, each named after its call (as Call stats is).
      aria-label={callName ? `${labels.details} (${callName})` : labels.details}
      className="rpc-details"
      hidden={!details.open}
    >
      {details.open && (
        <>
          <div className="rpc-details__header">
            <h2>{labels.details}</h2>
            <IconButton icon="x" label={labels.closeDetails} onClick={details.toggle} />
          </div>
          <SessionStatePanel session={session} labels={labels} />
          {mode === 'channel' && (
            <p className="rpc-hint" data-state={channel.status}>
              {labels.signalingChannel}: {channel.status}
            </p>
          )}
          {mode === 'copy-paste' && (
            <div className="rpc-details__signal">
              <SignalFormatPicker
                value={format}
                onValueChange={(next) => void session?.setSignalFormat(next)}
                labels={labels}
              />
              <GatheringProgress gathering={false} counts={counts} labels={labels} />
            </div>
          )}
          <ChunkErrorBoundary
            fallback={
              <p className="rpc-notice" role="alert">
                {labels.detailsFailed}
              </p>
            }
            onError={retryDiagnostics}
          >
            <Suspense fallback={null}>
              <DetailsDiagnostics
                session={session}
                labels={labels}
                callName={callName}
                stats={phase === 'connected' || phase === 'reconnecting'}
              />
            </Suspense>
          </ChunkErrorBoundary>
        </>
      )}
    </aside>
  )
}
