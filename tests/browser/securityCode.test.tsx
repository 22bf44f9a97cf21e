import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createPeerSession, decodeSignal, encodeSignal, type PeerSession } from '../../src'
import { connectedPair, defer, until } from './helpers'

const camera = () => navigator.mediaDevices.getUserMedia({ audio: true, video: true })

function gathered(pc: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve()
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') resolve()
    })
  })
}

/** A JSON signal (the tutorial's format) of a raw connection's local description. */
async function signalOf(pc: RTCPeerConnection): Promise<string> {
  await gathered(pc)
  const { type, sdp } = pc.localDescription as RTCSessionDescription
  return encodeSignal({ sdp: { type: type as 'offer' | 'answer', sdp }, candidates: [] })
}

async function sdpOf(signal: string): Promise<string> {
  const decoded = await decodeSignal(signal)
  if (!decoded.ok) throw new Error(decoded.error.message)
  return decoded.signal.sdp.sdp
}

/**
 * A relay page in the middle: it answers A's offer itself (M1), makes its own offer to B (M2), and
 * forwards the media both ways. A and B each have a working, encrypted call — with the relay.
 */
async function callThroughRelay(a: PeerSession, b: PeerSession) {
  const m1 = new RTCPeerConnection({ iceServers: [] })
  const m2 = new RTCPeerConnection({ iceServers: [] })
  defer(() => (m1.close(), m2.close()))
  for (const pc of [m1, m2]) pc.createDataChannel('react-p2p-call', { negotiated: true, id: 0 })
  const fromA: MediaStream[] = []
  const fromB: MediaStream[] = []
  m1.ontrack = (e) => fromA.push(e.streams[0] as MediaStream)
  m2.ontrack = (e) => fromB.push(e.streams[0] as MediaStream)

  const [sA, sB] = await Promise.all([camera(), camera()])
  defer(() => [sA, sB].forEach((s) => s.getTracks().forEach((t) => t.stop())))
  await a.createOffer({ media: sA })
  await m1.setRemoteDescription({ type: 'offer', sdp: await sdpOf(a.getState().localSignal) })
  // A's media, forwarded to B in the relay's own offer.
  const aStream = fromA[0] as MediaStream
  for (const track of aStream.getTracks()) m2.addTrack(track, aStream)
  await m2.setLocalDescription(await m2.createOffer())
  await b.createAnswer(await signalOf(m2), { media: sB })
  await m2.setRemoteDescription({ type: 'answer', sdp: await sdpOf(b.getState().localSignal) })
  // B's media, forwarded to A in the relay's answer.
  const bStream = fromB[0] as MediaStream
  for (const track of bStream.getTracks()) m1.addTrack(track, bStream)
  await m1.setLocalDescription(await m1.createAnswer())
  await a.completeConnection(await signalOf(m1))
}

describe('the security code', () => {
  it('is the same on both sides of a direct call, shown as "Security code"', async () => {
    await connectedPair()
    // Each call view shows it with the other person's picture (it stands still until then).
    const codes = await waitFor(() => {
      const shown = screen.getAllByLabelText('Security code')
      expect(shown).toHaveLength(2)
      return shown
    })
    const [codeA, codeB] = codes.map((el) => el.textContent)
    expect(codeA).toMatch(/^\d{3} \d{3}$/)
    expect(codeA).toBe(codeB)
  })

  it('differs when a relay in the middle terminates both connections and forwards the media', async () => {
    const a = createPeerSession({ iceServers: [] })
    const b = createPeerSession({ iceServers: [] })
    defer(() => (a.dispose(), b.dispose()))
    await callThroughRelay(a, b)
    await until(a, (s) => s.securityCode !== null, 15_000)
    await until(b, (s) => s.securityCode !== null, 15_000)
    // Both calls work — the relay forwards real media — and neither side can tell, but the codes.
    expect(a.getState().remoteStream?.getVideoTracks()).toHaveLength(1)
    expect(b.getState().remoteStream?.getVideoTracks()).toHaveLength(1)
    expect(a.getState().securityCode).toMatch(/^\d{3} \d{3}$/)
    expect(a.getState().securityCode).not.toBe(b.getState().securityCode)

    // The same two sessions called directly agree again.
    a.hangUp()
    b.hangUp()
    await a.createOffer()
    await b.createAnswer(a.getState().localSignal)
    await a.completeConnection(b.getState().localSignal)
    await until(a, (s) => s.securityCode !== null, 15_000)
    await until(b, (s) => s.securityCode !== null, 15_000)
    expect(a.getState().securityCode).toBe(b.getState().securityCode)
  })
})
