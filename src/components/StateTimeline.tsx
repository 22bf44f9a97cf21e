import type { ComponentPropsWithoutRef } from 'react'
import type { TimelineEntry } from '../core/peerSession.js'

/** Props of {@link StateTimeline}. */
export interface StateTimelineProps extends ComponentPropsWithoutRef<'ol'> {
  /** From the session snapshot (`timeline`). */
  entries: readonly TimelineEntry[]
  /** How many of the newest entries to show. Default 40. */
  limit?: number
  labels?: { stateTimeline?: string }
}

const time = (at: number) => {
  const d = new Date(at)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

/**
 * A list named **State timeline**: timestamped transitions of the four state layers, the phase and
 * errors, newest last.
 *
 * @example
 * const timeline = useSessionSelector((s) => s.timeline)
 * return <StateTimeline entries={timeline} />
 */
export function StateTimeline({ entries, limit = 40, labels = {}, ...rest }: StateTimelineProps) {
  return (
    <ol aria-label={labels.stateTimeline ?? 'State timeline'} className="rpc-timeline" {...rest}>
      {entries.slice(-limit).map((entry, index) => (
        <li key={`${entry.at}-${index}`} data-state={entry.layer}>
          <time dateTime={new Date(entry.at).toISOString()}>{time(entry.at)}</time> {entry.layer}:{' '}
          {entry.value}
          {entry.detail ? ` (${entry.detail})` : ''}
        </li>
      ))}
    </ol>
  )
}
