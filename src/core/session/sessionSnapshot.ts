import { derivePhase } from '../phase.js'
import type { PeerSessionState, TimelineEntry } from '../peerSessionTypes.js'

// How a session's snapshot changes: a patch merged in, the phase derived from the layers, the
// timeline extended with what changed. Pure.

/** What a session changes at once; the phase is never set, it is derived. */
export type SessionPatch = Partial<Omit<PeerSessionState, 'phase'>>

const TIMELINE_LENGTH = 500
const TIMELINE_LAYERS = [
  ['signaling', 'signalingState'],
  ['gathering', 'iceGatheringState'],
  ['ice', 'iceConnectionState'],
  ['connection', 'connectionState'],
  ['phase', 'phase'],
] as const

/** The timeline of `next`: that of `prev` with what changed from `prev` to `next` appended. */
export function timelineOf(
  prev: PeerSessionState,
  next: PeerSessionState,
): readonly TimelineEntry[] {
  const at = Date.now()
  const added: TimelineEntry[] = []
  for (const [layer, key] of TIMELINE_LAYERS) {
    if (prev[key] !== next[key]) added.push({ at, layer, value: next[key] })
  }
  if (next.recovery && next.recovery.attempts !== prev.recovery?.attempts) {
    added.push({
      at,
      layer: 'recovery',
      value: `ICE restart ${next.recovery.attempts}: ${next.recovery.reason}`,
    })
  }
  if (next.error && next.error !== prev.error) {
    const { code, detail } = next.error
    added.push(
      detail ? { at, layer: 'error', value: code, detail } : { at, layer: 'error', value: code },
    )
  }
  if (added.length === 0) return prev.timeline
  return [...prev.timeline, ...added].slice(-TIMELINE_LENGTH)
}

/** Whether every field of two snapshots is the same value. */
export function sameSnapshot(a: PeerSessionState, b: PeerSessionState): boolean {
  return (Object.keys(a) as (keyof PeerSessionState)[]).every((key) => Object.is(a[key], b[key]))
}

/**
 * The snapshot after `patch`: merged, its phase derived (see `derivePhase`), its timeline extended;
 * `prev` itself when nothing changed (so subscribers are not woken).
 *
 * @example
 * nextSessionState(INITIAL_SESSION_STATE, { step: 'creating-offer' }).phase // 'creating-offer'
 */
export function nextSessionState(prev: PeerSessionState, patch: SessionPatch): PeerSessionState {
  const merged = { ...prev, ...patch }
  const next = {
    ...merged,
    phase: derivePhase({ ...merged, recovering: merged.recovery !== null }),
  }
  if (sameSnapshot(prev, next)) return prev
  return { ...next, timeline: timelineOf(prev, next) }
}
