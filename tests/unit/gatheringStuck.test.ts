import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { GATHERING_STUCK_MS, gatheringStuck } from '../../src/core/session/gatheringBudget'

// When a connection's gathering counts as stuck (a new connection then takes over).

/** A transport whose connection only gathers: the test drives its state and candidates. */
function transport(policy: RTCIceTransportPolicy = 'all') {
  const pc = new EventTarget() as RTCPeerConnection & { iceGatheringState: RTCIceGatheringState }
  Object.defineProperty(pc, 'iceGatheringState', { value: 'new', writable: true })
  Object.defineProperty(pc, 'getConfiguration', { value: () => ({ iceTransportPolicy: policy }) })
  const localCandidates: unknown[] = []
  const controller = new AbortController()
  const setState = (state: RTCIceGatheringState) => {
    pc.iceGatheringState = state
    pc.dispatchEvent(new Event('icegatheringstatechange'))
  }
  const candidate = (value: { candidate: string } | null) => {
    if (value) localCandidates.push(value)
    const event = new Event('icecandidate') as RTCPeerConnectionIceEvent
    Object.defineProperty(event, 'candidate', { value })
    pc.dispatchEvent(event)
  }
  return {
    watch: { pc, localCandidates, closed: controller.signal },
    setState,
    candidate,
    close: () => controller.abort(),
  }
}

const HOST = { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host' }

describe('gatheringStuck', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  const outcome = (promise: Promise<boolean>) => {
    let result: boolean | undefined
    void promise.then((value) => (result = value))
    return () => result
  }

  it('is stuck when not one candidate came in GATHERING_STUCK_MS of gathering', async () => {
    const t = transport()
    const stuck = outcome(gatheringStuck(t.watch))
    t.setState('gathering')
    await vi.advanceTimersByTimeAsync(GATHERING_STUCK_MS - 1)
    expect(stuck()).toBeUndefined()
    await vi.advanceTimersByTimeAsync(1)
    expect(stuck()).toBe(true)
  })

  it('counts from the start of gathering, not from the call (an offer may wait for a path)', async () => {
    const t = transport()
    const stuck = outcome(gatheringStuck(t.watch))
    await vi.advanceTimersByTimeAsync(10_000)
    expect(stuck()).toBeUndefined()
    t.setState('gathering')
    await vi.advanceTimersByTimeAsync(GATHERING_STUCK_MS)
    expect(stuck()).toBe(true)
  })

  it('is not stuck once a candidate comes, even a late one', async () => {
    const t = transport()
    const stuck = outcome(gatheringStuck(t.watch))
    t.setState('gathering')
    await vi.advanceTimersByTimeAsync(2_900)
    t.candidate(HOST)
    await vi.advanceTimersByTimeAsync(0)
    expect(stuck()).toBe(false)
  })

  it('is not stuck when candidates came before the watch (a warmed-up pool)', async () => {
    const t = transport()
    t.setState('gathering')
    t.candidate(HOST)
    expect(await gatheringStuck(t.watch)).toBe(false)
  })

  it('is not stuck when gathering completes with nothing (no network: nothing to take over)', async () => {
    const t = transport()
    const stuck = outcome(gatheringStuck(t.watch))
    t.setState('gathering')
    t.setState('complete')
    await vi.advanceTimersByTimeAsync(0)
    expect(stuck()).toBe(false)
  })

  it('is not stuck when the transport closes first', async () => {
    const t = transport()
    const stuck = outcome(gatheringStuck(t.watch))
    t.setState('gathering')
    t.close()
    await vi.advanceTimersByTimeAsync(GATHERING_STUCK_MS)
    expect(stuck()).toBe(false)
  })

  it('never watches a relay-only connection (a TURN allocation may take longer)', async () => {
    const t = transport('relay')
    t.setState('gathering')
    expect(await gatheringStuck(t.watch)).toBe(false)
  })

  it('takes its own time when given one', async () => {
    const t = transport()
    const stuck = outcome(gatheringStuck(t.watch, 500))
    t.setState('gathering')
    await vi.advanceTimersByTimeAsync(500)
    expect(stuck()).toBe(true)
  })
})
