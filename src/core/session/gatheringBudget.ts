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

/** How long a connection may gather without a single candidate before it is taken as stuck. */
export const GATHERING_STUCK_MS = 3000
/** How many times one start of a call may give way to a new connection (then it waits on). */
export const STUCK_STARTS_OVER = 2
/** What the console says when a new connection takes over from a stuck one. */
export const STUCK_WARNING = `[react-p2p-call] the connection gathered no candidate in ${GATHERING_STUCK_MS / 1000} s: a new one takes over`

/** What {@link gatheringStuck} reads of a call's transport. */
export interface GatheringWatch {
  readonly pc: RTCPeerConnection
  readonly localCandidates: readonly unknown[]
  readonly closed: AbortSignal
}

/**
 * Resolves `true` when the connection's gathering is stuck: `ms` after it started, not one
 * candidate has come, nor the end of gathering. Chromium now and then leaves a connection so (two
 * connections gathering at once in one page: about one start in 200, measured), and nothing
 * brings it back, an ICE restart included; a new connection gathers at once. Resolves `false` as
 * soon as a candidate comes or the transport closes. Not with `iceTransportPolicy: 'relay'`,
 * whose first candidate waits for a TURN allocation that may take longer.
 *
 * @example
 * if (await gatheringStuck(call.transport)) startOver()
 */
export function gatheringStuck(
  transport: GatheringWatch,
  ms = GATHERING_STUCK_MS,
): Promise<boolean> {
  const { pc, closed } = transport
  if (closed.aborted || pc.getConfiguration().iceTransportPolicy === 'relay') {
    return Promise.resolve(false)
  }
  const stuck = () =>
    !closed.aborted &&
    transport.localCandidates.length === 0 &&
    pc.iceGatheringState === 'gathering'
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const finish = (result: boolean) => {
      clearTimeout(timer)
      pc.removeEventListener('icegatheringstatechange', onState)
      pc.removeEventListener('icecandidate', onCandidate)
      closed.removeEventListener('abort', onClosed)
      resolve(result)
    }
    const onClosed = () => finish(false)
    const onCandidate = (event: RTCPeerConnectionIceEvent) => {
      if (event.candidate?.candidate) finish(false)
    }
    const onState = () => {
      if (pc.iceGatheringState === 'complete') finish(false)
      else if (pc.iceGatheringState === 'gathering') start()
    }
    // The clock starts when gathering does (an offer may wait for a signaling path first).
    const start = () => {
      if (timer === undefined) timer = setTimeout(() => finish(stuck()), ms)
    }
    pc.addEventListener('icegatheringstatechange', onState)
    pc.addEventListener('icecandidate', onCandidate)
    closed.addEventListener('abort', onClosed)
    if (transport.localCandidates.length > 0) finish(false)
    else if (pc.iceGatheringState === 'gathering') start()
    else if (pc.iceGatheringState === 'complete') finish(false)
  })
}
