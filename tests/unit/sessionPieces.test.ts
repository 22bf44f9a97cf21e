import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { layersOf, rtcConfiguration } from '../../src/core/connectionConfig'
import {
  DEFAULT_GATHERING_BUDGET,
  gatheringDone,
  serversOf,
} from '../../src/core/session/gatheringBudget'
import { DEFAULT_ICE_SERVERS, INITIAL_SESSION_STATE } from '../../src/core/peerSessionTypes'
import {
  countCandidates,
  isHostCandidate,
  withoutHostCandidates,
} from '../../src/core/sdpCandidates'
import { nextSessionState, sameSnapshot } from '../../src/core/session/sessionSnapshot'
import { createP2PError } from '../../src/core/errors'

// The session's pure pieces, without a browser.

const HOST = 'a=candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host generation 0'
const SRFLX =
  'a=candidate:2 1 udp 1686052607 203.0.113.7 50001 typ srflx raddr 0.0.0.0 rport 0 generation 0'
const RELAY =
  'a=candidate:3 1 udp 41885439 198.51.100.9 3478 typ relay raddr 203.0.113.7 rport 50001'
const sdpWith = (...candidates: string[]) =>
  [
    'v=0',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    ...candidates,
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    ...candidates,
    '',
  ].join('\r\n')

describe('sdpCandidates', () => {
  it('strips host candidates only, in every m-section', () => {
    const stripped = withoutHostCandidates(sdpWith(HOST, SRFLX, RELAY))
    expect(stripped).not.toContain('typ host')
    expect(stripped.match(/typ srflx/g)).toHaveLength(2)
    expect(stripped.match(/typ relay/g)).toHaveLength(2)
    expect(withoutHostCandidates(sdpWith(SRFLX))).toBe(sdpWith(SRFLX))
  })

  it('counts each candidate once, by type, though BUNDLE lists it per m-section', () => {
    expect(countCandidates(sdpWith(HOST, SRFLX, RELAY))).toEqual({
      host: 1,
      srflx: 1,
      prflx: 0,
      relay: 1,
    })
    expect(countCandidates('')).toEqual({ host: 0, srflx: 0, prflx: 0, relay: 0 })
  })

  it('tells host candidates from the others', () => {
    expect(isHostCandidate(HOST)).toBe(true)
    expect(isHostCandidate(SRFLX)).toBe(false)
    expect(isHostCandidate('candidate:1 1 udp 1 10.0.0.2 5 typ hostile')).toBe(false)
  })
})

describe('connectionConfig', () => {
  it('defaults to the public STUN server and max-bundle, and passes the rest through', () => {
    expect(rtcConfiguration({})).toEqual({
      iceServers: [...DEFAULT_ICE_SERVERS],
      bundlePolicy: 'max-bundle',
    })
    expect(
      rtcConfiguration({
        iceServers: [],
        iceTransportPolicy: 'relay',
        bundlePolicy: 'balanced',
        rtcpMuxPolicy: 'require',
        iceCandidatePoolSize: 2,
      }),
    ).toEqual({
      iceServers: [],
      iceTransportPolicy: 'relay',
      bundlePolicy: 'balanced',
      rtcpMuxPolicy: 'require',
      iceCandidatePoolSize: 2,
    })
  })

  it('reads the four layers of a connection', () => {
    const pc = {
      signalingState: 'have-local-offer',
      iceGatheringState: 'gathering',
      iceConnectionState: 'checking',
      connectionState: 'connecting',
    } as RTCPeerConnection
    expect(layersOf(pc)).toEqual({
      signalingState: 'have-local-offer',
      iceGatheringState: 'gathering',
      iceConnectionState: 'checking',
      connectionState: 'connecting',
    })
  })
})

describe('nextSessionState', () => {
  it('derives the phase and records what changed in the timeline', () => {
    const offering = nextSessionState(INITIAL_SESSION_STATE, { step: 'creating-offer' })
    expect(offering.phase).toBe('creating-offer')
    expect(offering.timeline.map((e) => [e.layer, e.value])).toEqual([['phase', 'creating-offer']])
    const connected = nextSessionState(offering, {
      step: 'offer-ready',
      signalingState: 'stable',
      iceConnectionState: 'connected',
      connectionState: 'connected',
    })
    expect(connected.phase).toBe('connected')
    expect(connected.timeline.slice(1).map((e) => [e.layer, e.value])).toEqual([
      ['ice', 'connected'],
      ['connection', 'connected'],
      ['phase', 'connected'],
    ])
  })

  it('returns the same snapshot when nothing changed (subscribers are not woken)', () => {
    const state = nextSessionState(INITIAL_SESSION_STATE, { step: 'creating-offer' })
    expect(nextSessionState(state, { step: 'creating-offer' })).toBe(state)
    expect(sameSnapshot(state, { ...state })).toBe(true)
  })

  it('records errors with the browser’s reason, and each recovery attempt', () => {
    const error = createP2PError('ERR_SET_REMOTE_DESCRIPTION', new Error('BUNDLE collision'))
    const failed = nextSessionState(INITIAL_SESSION_STATE, { error })
    expect(failed.timeline.at(-1)).toMatchObject({
      layer: 'error',
      value: 'ERR_SET_REMOTE_DESCRIPTION',
      detail: 'BUNDLE collision',
    })
    const restarting = nextSessionState(failed, {
      connectionState: 'failed',
      recovery: { attempts: 1, reason: 'connection failed' },
    })
    expect(restarting.phase).toBe('reconnecting')
    expect(restarting.timeline.at(-1)).toMatchObject({
      layer: 'recovery',
      value: 'ICE restart 1: connection failed',
    })
  })

  it('keeps the last 500 timeline entries', () => {
    let state = INITIAL_SESSION_STATE
    for (let i = 0; i < 600; i++) {
      state = nextSessionState(state, { iceConnectionState: i % 2 ? 'checking' : 'connected' })
    }
    expect(state.timeline).toHaveLength(500)
  })
})

describe('gatheringDone', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  /** A connection that only gathers: its state and candidate events are driven by the test. */
  function gatherer() {
    const target = new EventTarget() as RTCPeerConnection & {
      iceGatheringState: RTCIceGatheringState
    }
    Object.defineProperty(target, 'iceGatheringState', { value: 'gathering', writable: true })
    const candidate = (value: object | null) => {
      const event = new Event('icecandidate') as RTCPeerConnectionIceEvent
      Object.defineProperty(event, 'candidate', { value })
      target.dispatchEvent(event)
    }
    const complete = () => {
      target.iceGatheringState = 'complete'
      target.dispatchEvent(new Event('icegatheringstatechange'))
    }
    return { pc: target, candidate, complete }
  }
  const settled = (promise: Promise<void>) => {
    let done = false
    void promise.then(() => (done = true))
    return () => done
  }

  it('resolves when gathering completes', async () => {
    const { pc, complete } = gatherer()
    const done = settled(gatheringDone(pc, new AbortController().signal))
    await vi.advanceTimersByTimeAsync(50)
    expect(done()).toBe(false)
    complete()
    await vi.advanceTimersByTimeAsync(0)
    expect(done()).toBe(true)
  })

  it('resolves graceMs after the first candidate when a STUN server never answers', async () => {
    const { pc, candidate } = gatherer()
    const done = settled(gatheringDone(pc, new AbortController().signal, { graceMs: 300 }))
    await vi.advanceTimersByTimeAsync(5_000)
    expect(done()).toBe(false)
    candidate({ candidate: HOST })
    await vi.advanceTimersByTimeAsync(299)
    candidate({ candidate: HOST })
    expect(done()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(done()).toBe(true)
  })

  it('goes half a second after the first candidate by default, or once the STUN answer is in', async () => {
    const silent = gatherer()
    const late = settled(gatheringDone(silent.pc, new AbortController().signal))
    silent.candidate({ candidate: HOST.slice(2) })
    await vi.advanceTimersByTimeAsync(DEFAULT_GATHERING_BUDGET.graceMs - 1)
    expect(late()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(late()).toBe(true)
    expect(DEFAULT_GATHERING_BUDGET.graceMs).toBeLessThan(700)

    // A server-reflexive candidate is what a STUN server gives: the signal goes right after it
    // (a few ms for those of the other interfaces), not at the end of the grace.
    const answered = gatherer()
    const early = settled(gatheringDone(answered.pc, new AbortController().signal))
    answered.candidate({ candidate: HOST.slice(2) })
    await vi.advanceTimersByTimeAsync(80)
    answered.candidate({ candidate: SRFLX.slice(2) })
    await vi.advanceTimersByTimeAsync(49)
    expect(early()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(early()).toBe(true)
  })

  it('waits for the relay candidate with a TURN server, up to a longer grace', async () => {
    expect(
      serversOf([{ urls: ['turn:198.51.100.9:3478'], username: 'u', credential: 'p' }]),
    ).toEqual({ stun: false, turn: true })
    expect(serversOf([{ urls: 'stun:203.0.113.1' }])).toEqual({ stun: true, turn: false })
    const turn = { stun: true, turn: true }
    const relayed = gatherer()
    const withRelay = settled(gatheringDone(relayed.pc, new AbortController().signal, {}, turn))
    relayed.candidate({ candidate: HOST.slice(2) })
    relayed.candidate({ candidate: SRFLX.slice(2) })
    await vi.advanceTimersByTimeAsync(900)
    expect(withRelay()).toBe(false)
    relayed.candidate({ candidate: RELAY.slice(2) })
    await vi.advanceTimersByTimeAsync(50)
    expect(withRelay()).toBe(true)

    const silent = gatherer()
    const noRelay = settled(gatheringDone(silent.pc, new AbortController().signal, {}, turn))
    silent.candidate({ candidate: HOST.slice(2) })
    await vi.advanceTimersByTimeAsync(1499)
    expect(noRelay()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(noRelay()).toBe(true)
  })

  it('resolves at maxMs with no candidate at all, on end-of-candidates, and on abort', async () => {
    const capped = gatherer()
    const cap = settled(gatheringDone(capped.pc, new AbortController().signal))
    await vi.advanceTimersByTimeAsync(DEFAULT_GATHERING_BUDGET.maxMs - 1)
    expect(cap()).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(cap()).toBe(true)

    const ended = gatherer()
    const end = settled(gatheringDone(ended.pc, new AbortController().signal))
    ended.candidate(null)
    await vi.advanceTimersByTimeAsync(0)
    expect(end()).toBe(true)

    const aborted = gatherer()
    const controller = new AbortController()
    const abort = settled(gatheringDone(aborted.pc, controller.signal))
    controller.abort()
    await vi.advanceTimersByTimeAsync(0)
    expect(abort()).toBe(true)
  })
})
