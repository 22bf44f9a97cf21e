// The gathering budget of a non-trickle signal: when it may go without waiting for every candidate.

/** Defaults of `PeerSessionOptions.gatheringBudget`, in ms (`graceMs` with a TURN server: 1500). */
export const DEFAULT_GATHERING_BUDGET = { graceMs: 500, maxMs: 10_000 } as const
const TURN_GRACE_MS = 1500
// Candidates of one kind from the other interfaces follow within milliseconds of the first.
const SETTLE_MS = 50

/** What the connection's ICE servers can give: server-reflexive candidates, relay ones. */
export interface GatheringServers {
  stun: boolean
  turn: boolean
}

/**
 * What a list of ICE servers can give.
 *
 * @example
 * serversOf([{ urls: 'stun:stun.l.google.com:19302' }]) // { stun: true, turn: false }
 */
export function serversOf(iceServers: readonly RTCIceServer[]): GatheringServers {
  const urls = iceServers.flatMap((s) => (Array.isArray(s.urls) ? s.urls : [s.urls]))
  return {
    stun: urls.some((u) => /^stuns?:/i.test(u)),
    turn: urls.some((u) => /^turns?:/i.test(u)),
  }
}

/**
 * Resolves when the signal may go: gathering is complete; or the candidate the servers were
 * asked for has come (a server-reflexive one, or with a TURN server a relay one); or `graceMs`
 * after the first candidate (a STUN server that answers does so within a round trip; one that
 * never does would hold the signal ~40 s); or at `maxMs`; or when the connection is closed.
 */
export function gatheringDone(
  pc: RTCPeerConnection,
  abort: AbortSignal,
  budget: { graceMs?: number; maxMs?: number } = {},
  servers: GatheringServers = { stun: true, turn: false },
): Promise<void> {
  if (pc.iceGatheringState === 'complete' || abort.aborted) return Promise.resolve()
  const graceMs =
    budget.graceMs ?? (servers.turn ? TURN_GRACE_MS : DEFAULT_GATHERING_BUDGET.graceMs)
  const maxMs = budget.maxMs ?? DEFAULT_GATHERING_BUDGET.maxMs
  const awaited = servers.turn ? 'relay' : servers.stun ? 'srflx' : null
  return new Promise((resolve) => {
    let grace: ReturnType<typeof setTimeout> | undefined
    let settle: ReturnType<typeof setTimeout> | undefined
    const cap = setTimeout(() => done(), maxMs)
    const done = () => {
      clearTimeout(cap)
      clearTimeout(grace)
      clearTimeout(settle)
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
      if (!event.candidate) return done()
      grace ??= setTimeout(done, graceMs)
      const type = / typ (\w+)/.exec(event.candidate.candidate)?.[1]
      if (awaited && type === awaited) settle ??= setTimeout(done, SETTLE_MS)
    }
    pc.addEventListener('icegatheringstatechange', check)
    pc.addEventListener('icecandidate', onCandidate)
    abort.addEventListener('abort', done)
  })
}
