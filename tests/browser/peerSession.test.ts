import { describe, expect, it } from 'vitest'
import { waitFor } from '@testing-library/react'
import { DEFAULT_ICE_SERVERS, type PeerSession, type PeerSessionState } from '../../src'
import {
  canvasScreen,
  connectSessions,
  defer,
  testSession,
  trackPeerConnections,
  until,
} from './helpers'

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

describe('given the answer is pasted', () => {
  async function camera() {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
    defer(() => stream.getTracks().forEach((track) => track.stop()))
    return stream
  }

  /** A caller whose offer was answered by a callee with a camera; the caller's connection. */
  async function offerAndAnswer() {
    const pcs = trackPeerConnections()
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    await a.createOffer({ media: await camera() })
    const callerPc = pcs.live().at(-1) as RTCPeerConnection
    await b.createAnswer(a.getState().localSignal, { media: await camera() })
    return { a, b, callerPc }
  }

  /** The first snapshot of `session` that shows a remote stream. */
  function firstRemoteStream(session: PeerSession) {
    let first: PeerSessionState | null = null
    const off = session.subscribe(() => {
      if (!first && session.getState().remoteStream) first = session.getState()
    })
    defer(off)
    return () => first
  }

  it('shows the other person’s tracks while the browser applies it, the very tracks the call brings', async () => {
    const { a, b, callerPc } = await offerAndAnswer()
    const first = firstRemoteStream(a)
    await a.completeConnection(b.getState().localSignal)
    // Published before the answer was applied: the caller's video can take it at once.
    const shown = first()
    expect(shown?.signalingState).toBe('have-local-offer')
    // With the call's step: a UI shows the call at once.
    expect(shown?.step).toBe('completing')
    await until(a, (s) => s.connectionState === 'connected')
    // Never replaced, and made of what the connection receives on.
    const stream = a.getState().remoteStream as MediaStream
    expect(stream).toBe(shown?.remoteStream)
    const received = callerPc.getReceivers().map((receiver) => receiver.track)
    expect(stream.getTracks()).toHaveLength(2)
    for (const track of stream.getTracks()) expect(received).toContain(track)
    // Their video plays in it.
    const video = document.createElement('video')
    video.muted = true
    video.srcObject = stream
    await video.play()
    await waitFor(() => expect(video.videoWidth).toBeGreaterThan(0))
  })

  it('gives the offer’s receivers ahead as incomingStream, and shows that very stream when the answer sends on all of them', async () => {
    const { a, b, callerPc } = await offerAndAnswer()
    // With the offer: the receivers' tracks, not shown yet (remoteStream stays null).
    const incoming = a.getState().incomingStream as MediaStream
    expect(a.getState()).toMatchObject({ step: 'offer-ready', remoteStream: null })
    const receivers = callerPc.getReceivers().map((receiver) => receiver.track)
    expect(incoming.getTracks()).toHaveLength(2)
    for (const track of incoming.getTracks()) expect(receivers).toContain(track)
    // The same object: a video holding it already needs no new player for the first frame.
    await a.completeConnection(b.getState().localSignal)
    expect(a.getState().remoteStream).toBe(incoming)
    await until(a, (s) => s.connectionState === 'connected')
    expect(a.getState().remoteStream).toBe(incoming)
    // Only the call's: hung up, it is gone.
    a.hangUp()
    expect(a.getState().incomingStream).toBeNull()
  })

  it('shows nothing of a side that sends nothing (receive-only), so a UI keeps its placeholder', async () => {
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    await a.createOffer({ media: await camera() })
    await b.createAnswer(a.getState().localSignal, { media: null })
    // The receivers were ready, as for any offer: they never become the remote stream.
    expect(a.getState().incomingStream).not.toBeNull()
    const first = firstRemoteStream(a)
    await a.completeConnection(b.getState().localSignal)
    await until(a, (s) => s.connectionState === 'connected')
    expect(first()).toBeNull()
    expect(a.getState().remoteStream).toBeNull()
  })

  it('shows a stream of only what the answer sends on (audio only), not the offer’s receivers', async () => {
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    await a.createOffer({ media: await camera() })
    const microphone = await navigator.mediaDevices.getUserMedia({ audio: true })
    defer(() => microphone.getTracks().forEach((track) => track.stop()))
    await b.createAnswer(a.getState().localSignal, { media: microphone })
    const incoming = a.getState().incomingStream
    await a.completeConnection(b.getState().localSignal)
    const stream = a.getState().remoteStream as MediaStream
    expect(stream).not.toBe(incoming)
    expect(stream.getAudioTracks()).toHaveLength(1)
    expect(stream.getVideoTracks()).toHaveLength(0)
  })

  it('takes the stream and the step back when the browser refuses the answer; the offer still waits', async () => {
    const { a, b, callerPc } = await offerAndAnswer()
    const refuse = () =>
      Promise.reject(
        new DOMException('Failed to set remote answer sdp: refused', 'InvalidAccessError'),
      )
    callerPc.setRemoteDescription = refuse
    const first = firstRemoteStream(a)
    await a.completeConnection(b.getState().localSignal)
    expect(first()).toMatchObject({ step: 'completing' })
    expect(first()?.remoteStream).toBeTruthy()
    expect(a.getState()).toMatchObject({ step: 'offer-ready', remoteStream: null })
    expect(a.getState().error?.code).toBe('ERR_SET_REMOTE_DESCRIPTION')
    // The offer still waits: the same answer, accepted this time, completes the call.
    delete (callerPc as Partial<RTCPeerConnection>).setRemoteDescription
    await a.completeConnection(b.getState().localSignal)
    await until(a, (s) => s.connectionState === 'connected')
    expect(a.getState().remoteStream?.getVideoTracks()).toHaveLength(1)
  })
})

describe('given a hang-up while a second screen share is being switched in', () => {
  it('stops that share’s capture too, and shows no error', async () => {
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    await connectSessions(a, b)
    await until(a, (s) => s.inBand, 10_000)
    await a.startScreenShare(canvasScreen)
    await until(a, (s) => s.signalingState === 'stable' && s.localScreen !== null, 10_000)
    a.stopScreenShare()
    await until(a, (s) => s.signalingState === 'stable' && s.localScreen === null, 10_000)
    // The second share re-uses the transceiver: the hang-up comes while its track is switched in.
    const original = RTCRtpSender.prototype.replaceTrack
    let overtaken = false
    RTCRtpSender.prototype.replaceTrack = function (track) {
      if (track && !overtaken) {
        overtaken = true
        a.hangUp()
      }
      return original.call(this, track)
    }
    defer(() => (RTCRtpSender.prototype.replaceTrack = original))
    let second: MediaStream | null = null
    void a.startScreenShare(async () => (second = await canvasScreen()))
    await waitFor(() => expect(overtaken).toBe(true))
    await waitFor(() => expect(second?.getTracks().map((t) => t.readyState)).toEqual(['ended']))
    expect(a.getState()).toMatchObject({ step: 'hung-up', localScreen: null, error: null })
  })
})
