// The gathering budget of a non-trickle signal: when it may go without waiting for every candidate.

/** Defaults of `PeerSessionOptions.gatheringBudget`, in ms. */
export const DEFAULT_GATHERING_BUDGET = { graceMs: 1000, maxMs: 10_000 } as const

/**
 * Resolves when the signal may go: gathering is complete, or `graceMs` after the first candidate,
 * or at `maxMs`, or when the connection is closed (`abort`).
 */
export function gatheringDone(
  pc: RTCPeerConnection,
  abort: AbortSignal,
  budget: { graceMs?: number; maxMs?: number } = {},
): Promise<void> {
  if (pc.iceGatheringState === 'complete' || abort.aborted) return Promise.resolve()
  const { graceMs = DEFAULT_GATHERING_BUDGET.graceMs, maxMs = DEFAULT_GATHERING_BUDGET.maxMs } =
    budget
  return new Promise((resolve) => {
    let grace: ReturnType<typeof setTimeout> | undefined
    const cap = setTimeout(() => done(), maxMs)
    const done = () => {
      clearTimeout(cap)
      clearTimeout(grace)
      pc.removeEventListener('icegatheringstatechange', check)
      pc.removeEventListener('icecandidate', onCandidate)
      abort.removeEventListener('abort', done)
      resolve()
    }
    const check = () => {
      if (pc.iceGatheringState === 'complete') done()
    }
    const onCandidate = (event: RTCPeerConnectionIceEvent) => {
      // The end-of-candidates event (candidate === null) is the older signal of completion.
      if (!event.candidate) done()
      else grace ??= setTimeout(done, graceMs)
    }
    pc.addEventListener('icegatheringstatechange', check)
    pc.addEventListener('icecandidate', onCandidate)
    abort.addEventListener('abort', done)
  })
}
