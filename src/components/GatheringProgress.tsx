import type { ComponentPropsWithoutRef } from 'react'
import type { CandidateCounts } from '../core/peerSession.js'

/** Props of {@link GatheringProgress}. */
export interface GatheringProgressProps extends ComponentPropsWithoutRef<'div'> {
  /** True while the signal waits for its candidates. */
  gathering: boolean
  /** The candidates the finished signal carries, by type. */
  counts: CandidateCounts | null
  /** Show the candidate counts once the signal is ready (default `true`; a lobby keeps them in Details). */
  showCounts?: boolean
  labels?: { gatheringCandidates?: string; candidatesInSignal?: string }
}

/**
 * A progressbar named **Gathering candidates** while a signal is being made, then how many
 * candidates of which type it carries (host / srflx / relay): a signal with only host candidates
 * works on one network, not across networks.
 *
 * @example
 * const { gathering, candidateCounts } = useConnectionState(session)
 * return <GatheringProgress gathering={gathering} counts={candidateCounts} />
 */
export function GatheringProgress({
  gathering,
  counts,
  showCounts = true,
  labels = {},
  ...rest
}: GatheringProgressProps) {
  if (!gathering && (!counts || !showCounts)) return null
  return (
    <div className="rpc-gathering" data-state={gathering ? 'gathering' : 'ready'} {...rest}>
      {gathering ? (
        <progress aria-label={labels.gatheringCandidates ?? 'Gathering candidates'} />
      ) : (
        counts && (
          <p>
            {labels.candidatesInSignal ?? 'Candidates in this signal'}: host {counts.host}, srflx{' '}
            {counts.srflx}, relay {counts.relay}
            {counts.prflx > 0 ? `, prflx ${counts.prflx}` : ''}
          </p>
        )
      )}
    </div>
  )
}
