import { useState } from 'react'
import { CallStatsPanel } from '../components/CallStatsPanel.js'
import { copyText } from '../components/copyText.js'
import type { CallLabels } from '../components/labels.js'
import { StateTimeline } from '../components/StateTimeline.js'
import { debugReport } from '../core/debugReport.js'
import type { PeerSession, PeerSessionState } from '../core/peerSession.js'
import { useCallStats } from '../hooks/useCallStats.js'
import { useSessionSelector } from '../hooks/useSessionSelector.js'

// The heavy half of Details (the stats poller and its panel, the timeline, the debug report): a
// lazy chunk of its own, loaded when Details first opens, so a call that never opens it does not
// carry it (DetailsPanel.tsx).

const selectTimeline = (s: PeerSessionState) => s.timeline

interface Part {
  session: PeerSession | null
  labels: CallLabels
}

/** What Details shows below the state panel: Call stats while a call runs, then the diagnostics. */
export function DetailsDiagnostics({
  stats,
  ...part
}: Part & { callName?: string | undefined; stats: boolean }) {
  return (
    <>
      {stats && <SessionCallStats {...part} />}
      <SessionDiagnostics {...part} />
    </>
  )
}

/** Mounted only while a call runs: the stats poll stops with it. */
function SessionCallStats({ session, labels, callName }: Part & { callName?: string | undefined }) {
  const stats = useCallStats(session)
  const name = callName ? `${labels.callStats} (${callName})` : labels.callStats
  return <CallStatsPanel stats={stats} labels={labels} aria-label={name} />
}

/** The state timeline and the redacted debug report (copied, or shown when copying is refused). */
function SessionDiagnostics({ session, labels }: Part) {
  const timeline = useSessionSelector(selectTimeline, session)
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle')
  const [report, setReport] = useState('')
  return (
    <details className="rpc-diagnostics">
      <summary>{labels.stateTimeline}</summary>
      <StateTimeline entries={timeline} labels={labels} />
      <button
        type="button"
        disabled={!session}
        onClick={async () => {
          if (!session) return
          const text = await debugReport(session)
          const ok = await copyText(text, null)
          setReport(ok ? '' : text)
          setCopied(ok ? 'copied' : 'failed')
        }}
      >
        {labels.copyDebugReport}
      </button>
      <span aria-live="polite">{copied === 'copied' ? labels.debugReportCopied : ''}</span>
      {copied === 'failed' && (
        <>
          <p role="alert" className="rpc-error">
            {labels.debugReportNotCopied}
          </p>
          <textarea
            readOnly
            aria-label={labels.debugReport}
            value={report}
            rows={8}
            onFocus={(event) => event.currentTarget.select()}
          />
        </>
      )}
    </details>
  )
}
