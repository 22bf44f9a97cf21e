import { describe, expect, it } from 'vitest'
import { DEFAULT_ICE_SERVERS } from '../../src'
import { testSession, until } from './helpers'

/** Records the configuration each new RTCPeerConnection gets, and refuses to build it (no traffic). */
function captureConfigurations() {
  const Original = globalThis.RTCPeerConnection
  const seen: (RTCConfiguration | undefined)[] = []
  globalThis.RTCPeerConnection = class extends Original {
    constructor(config?: RTCConfiguration) {
      seen.push(config)
      throw new TypeError('captured')
      super(config)
    }
  }
  return { seen, restore: () => (globalThis.RTCPeerConnection = Original) }
}

describe('given connection options', () => {
  it('passes them through to RTCPeerConnection, with the public STUN server and max-bundle by default', async () => {
    const capture = captureConfigurations()
    try {
      await testSession().createOffer()
      await testSession({
        iceServers: [{ urls: 'turn:10.211.0.1:3478', username: 'u', credential: 'p' }],
        iceTransportPolicy: 'relay',
        bundlePolicy: 'balanced',
        rtcpMuxPolicy: 'require',
        iceCandidatePoolSize: 2,
      }).createOffer()
    } finally {
      capture.restore()
    }
    // Each call first tries to make its connection ahead of the camera, with a candidate pool of
    // at least one (refused here), then makes it for the call: the same options both times.
    expect(capture.seen).toHaveLength(4)
    expect(capture.seen[0]).toEqual({
      iceServers: [...DEFAULT_ICE_SERVERS],
      bundlePolicy: 'max-bundle',
      iceCandidatePoolSize: 1,
    })
    expect(capture.seen[1]).toEqual({
      iceServers: [...DEFAULT_ICE_SERVERS],
      bundlePolicy: 'max-bundle',
    })
    expect(capture.seen[2]).toEqual(capture.seen[3])
    expect(capture.seen[3]).toEqual({
      iceServers: [{ urls: 'turn:10.211.0.1:3478', username: 'u', credential: 'p' }],
      iceTransportPolicy: 'relay',
      bundlePolicy: 'balanced',
      rtcpMuxPolicy: 'require',
      iceCandidatePoolSize: 2,
    })
  })

  it('reports a bad ICE server URL as ERR_CONFIG and stays ready for the next try', async () => {
    const s = testSession({ iceServers: [{ urls: 'http://not-a-stun-server' }] })
    await s.createOffer()
    expect(s.getState().error?.code).toBe('ERR_CONFIG')
    expect(s.getState().phase).toBe('idle')
    s.setOptions({ iceServers: [] })
    await s.createOffer()
    expect(s.getState().phase).toBe('awaiting-answer')
  })
})

const withoutCandidates = (signal: string) => {
  const { sdp } = JSON.parse(signal) as { sdp: { type: string; sdp: string } }
  return JSON.stringify({ sdp: { ...sdp, sdp: sdp.sdp.replace(/a=candidate:[^\r]*\r\n/g, '') } })
}

describe('given candidates that arrive before the remote description', () => {
  it('queues them and adds them after it, so the call connects', async () => {
    // The tutorial's JSON format, which this test takes apart.
    const a = testSession({ iceServers: [], signalFormat: 'json' })
    const b = testSession({ iceServers: [], signalFormat: 'json' })
    await a.createOffer()
    const offer = JSON.parse(a.getState().localSignal) as { sdp: { sdp: string } }
    const candidates = offer.sdp.sdp
      .split('\r\n')
      .filter((line) => line.startsWith('a=candidate:'))
      .map((line) => ({ candidate: line.slice(2), sdpMid: '0', sdpMLineIndex: 0 }))
    expect(candidates.length).toBeGreaterThan(0)
    // b has no connection yet: addIceCandidate would throw InvalidStateError without the queue.
    for (const candidate of candidates) await b.addRemoteCandidate(candidate)
    expect(b.getState().error).toBeNull()
    // Neither description carries candidates now: only the queued ones can connect the call.
    await b.createAnswer(withoutCandidates(a.getState().localSignal))
    await a.completeConnection(withoutCandidates(b.getState().localSignal))
    await until(a, (s) => s.connectionState === 'connected')
    await until(b, (s) => s.connectionState === 'connected')
  })

  it('ignores candidates that arrive after hang-up, without an error', async () => {
    const a = testSession({ iceServers: [] })
    await a.createOffer()
    a.hangUp()
    await a.addRemoteCandidate({
      candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ host',
      sdpMid: '0',
    })
    expect(a.getState().error).toBeNull()
    expect(a.getState().phase).toBe('closed')
  })
})
