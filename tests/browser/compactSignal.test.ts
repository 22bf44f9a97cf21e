import { describe, expect, it } from 'vitest'
import { encodeCompactSignal } from '../../src/core/compactSignal'
import { normalizeMediaIds } from '../../src/core/sdpMediaIds'
import { decodeSignal } from '../../src/core/signalCodec'
import { compactSignalCases } from '../shared/compactSignalCases'
import { templateSignalCases } from '../shared/templateSignalCases'
import { defer } from './helpers'

// Chromium's own CompressionStream, on the captured Chromium and Firefox fixtures...
compactSignalCases()
templateSignalCases()

// ...and on descriptions this browser makes now.
describe('a description made by this browser now', () => {
  it('round-trips through its template, and is at most a twentieth of its tutorial bundle', async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
    const pc = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' })
    defer(() => {
      pc.close()
      for (const t of stream.getTracks()) t.stop()
    })
    for (const track of stream.getTracks()) pc.addTrack(track, stream)
    pc.createDataChannel('x', { negotiated: true, id: 0 })
    const candidates: RTCIceCandidateInit[] = []
    const gathered = new Promise<void>((resolve) => {
      pc.onicecandidate = (e) => (e.candidate ? candidates.push(e.candidate.toJSON()) : resolve())
    })
    await pc.setLocalDescription(await pc.createOffer())
    await gathered
    const sdp = pc.localDescription?.sdp ?? ''
    const bundle = { sdp: { type: 'offer' as const, sdp }, candidates: [] }
    const text = await encodeCompactSignal(bundle)
    const result = await decodeSignal(text, 'offer')
    // A template of this browser version reproduces it: a p2p2 signal, the SDP as the other side
    // applies it (media ids shortened).
    expect(text.startsWith('p2p2.offer.')).toBe(true)
    expect(result.ok && result.signal.sdp.sdp).toBe(normalizeMediaIds(sdp))
    const tutorial = JSON.stringify({ sdp: pc.localDescription, candidates }, null, 2)
    expect(text.length * 20).toBeLessThanOrEqual(tutorial.length)
  })
})
