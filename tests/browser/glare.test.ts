import { describe, expect, it } from 'vitest'
import { createBroadcastSignaling, randomId, type PeerSession } from '../../src'
import {
  canvasScreen,
  connectSessions,
  defer,
  testSession,
  trackPeerConnections,
  until,
} from './helpers'

const ROUNDS = 50
const CHANNEL_ROUNDS = 20

describe('given both sides renegotiate at the same moment (glare)', () => {
  it(`converges in each of ${ROUNDS} rounds of simultaneous screen shares and stops`, async () => {
    // The callee is polite by default; the caller's offer wins each collision.
    const pcs = trackPeerConnections()
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    await connectSessions(a, b).finally(pcs.restore)
    const sdpLength = () => pcs.created[0]?.localDescription?.sdp.length ?? 0
    const settled = (s: PeerSession, sharing: boolean) =>
      until(
        s,
        (state) =>
          state.signalingState === 'stable' &&
          (state.remoteScreen !== null) === sharing &&
          (state.localScreen !== null) === sharing,
        10_000,
      )
    let sizeAfterFirst = 0
    for (let round = 1; round <= ROUNDS; round++) {
      // Both in the same task: both negotiationneeded events fire before either offer arrives.
      await Promise.all([a.startScreenShare(canvasScreen), b.startScreenShare(canvasScreen)])
      await Promise.all([settled(a, true), settled(b, true)]).catch((e: Error) => {
        throw new Error(`round ${round}, sharing: ${e.message}`)
      })
      a.stopScreenShare()
      b.stopScreenShare()
      await Promise.all([settled(a, false), settled(b, false)]).catch((e: Error) => {
        throw new Error(`round ${round}, stopped: ${e.message}`)
      })
      expect(a.getState().phase, `round ${round}`).toBe('connected')
      if (round === 1) sizeAfterFirst = sdpLength()
    }
    expect(a.getState().error).toBeNull()
    expect(b.getState().error).toBeNull()
    // The screen transceivers are re-used: the description does not grow round after round.
    expect(sizeAfterFirst).toBeGreaterThan(1000)
    expect(sdpLength()).toBeLessThanOrEqual(sizeAfterFirst + 200)
    console.log(
      `[glare] ${ROUNDS} rounds; caller SDP ${sizeAfterFirst} chars after round 1, ${sdpLength()} after round ${ROUNDS}`,
    )
  }, 120_000)
})

describe('given a call started over a signaling channel by both at once', () => {
  it(`still has exactly one polite side afterwards, so ${CHANNEL_ROUNDS} rounds of collisions converge`, async () => {
    const room = randomId()
    const channels = [createBroadcastSignaling(room), createBroadcastSignaling(room)] as const
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    defer(() => channels.forEach((c) => c.close()))
    a.attachChannel(channels[0])
    b.attachChannel(channels[1])
    // Both are callers now; the channel ids decide who yields, for this and every later collision.
    await Promise.all([a.startCall(), b.startCall()])
    await until(a, (s) => s.phase === 'connected' && s.inBand)
    await until(b, (s) => s.phase === 'connected' && s.inBand)
    // Before the polite-side fix both ends were impolite and round 1 hung. Later rounds once lost
    // the screen now and then (about one run in four, at some round up to 17 of 30): after glare,
    // Chromium fired no track event when the answer turned receiving back on, and a stopped
    // share's late track event was taken for the (absent) camera.
    for (let round = 1; round <= CHANNEL_ROUNDS; round++) {
      await Promise.all([a.startScreenShare(canvasScreen), b.startScreenShare(canvasScreen)])
      await Promise.all(
        [a, b].map((s) =>
          until(s, (st) => st.signalingState === 'stable' && st.remoteScreen !== null, 20_000),
        ),
      ).catch((e: Error) => {
        throw new Error(`round ${round}: ${e.message}`)
      })
      a.stopScreenShare()
      b.stopScreenShare()
      await Promise.all(
        [a, b].map((s) =>
          until(s, (st) => st.signalingState === 'stable' && st.remoteScreen === null, 20_000),
        ),
      ).catch((e: Error) => {
        throw new Error(`round ${round}, stopped: ${e.message}`)
      })
    }
    // Neither side sends a camera: no screen was ever taken for one.
    expect(a.getState().remoteStream).toBeNull()
    expect(b.getState().remoteStream).toBeNull()
  }, 120_000)
})
