import { describe, expect, it, vi } from 'vitest'
import { createBroadcastSignaling, randomId, type PeerSession } from '../../src'
import { connectSessions, defer, testSession, until } from './helpers'

/**
 * Makes the connections created as number `stuck` (1-based, in order) gather nothing, as Chromium
 * now and then leaves one (about one start in 200 with two connections gathering in one page):
 * gathering stays at `gathering`, no candidate comes out, and none from the other side goes in, so
 * neither side ever checks a pair. Only what the page sees is changed; the browser's connection is
 * real.
 */
function stickConnections(...stuck: number[]) {
  const Original = globalThis.RTCPeerConnection
  let made = 0
  const hidden: RTCPeerConnection[] = []
  class Stuck extends Original {
    constructor(config?: RTCConfiguration) {
      super(config)
      made += 1
      if (stuck.includes(made)) hidden.push(this)
    }
    private get isStuck() {
      return hidden.includes(this)
    }
    override get iceGatheringState(): RTCIceGatheringState {
      const real = super.iceGatheringState
      return this.isStuck && real === 'complete' ? 'gathering' : real
    }
    override addEventListener(...args: Parameters<RTCPeerConnection['addEventListener']>) {
      if (args[0] === 'icecandidate') {
        const [, listener, options] = args
        // Registered, but only ever called for a connection that is not stuck.
        super.addEventListener(
          'icecandidate',
          (event) => {
            if (this.isStuck) return
            if (typeof listener === 'function') listener.call(this, event)
            else listener?.handleEvent(event)
          },
          options,
        )
        return
      }
      super.addEventListener(...args)
    }
    override addIceCandidate(candidate?: RTCIceCandidateInit | null): Promise<void> {
      return this.isStuck ? Promise.resolve() : super.addIceCandidate(candidate ?? undefined)
    }
    override setRemoteDescription(description: RTCSessionDescriptionInit): Promise<void> {
      // Nor the candidates a pasted signal carries in its SDP.
      const sdp = this.isStuck
        ? description.sdp?.replace(/^a=candidate:.*\r\n/gm, '')
        : description.sdp
      return super.setRemoteDescription({ type: description.type, sdp })
    }
  }
  globalThis.RTCPeerConnection = Stuck
  defer(() => {
    globalThis.RTCPeerConnection = Original
  })
  return { stuckCount: () => hidden.length, made: () => made }
}

function channelPair() {
  const room = randomId()
  const channels = [createBroadcastSignaling(room), createBroadcastSignaling(room)] as const
  defer(() => channels.forEach((c) => c.close()))
  const a = testSession({ iceServers: [] })
  const b = testSession({ iceServers: [] })
  a.attachChannel(channels[0])
  b.attachChannel(channels[1])
  return [a, b] as const
}

/** `console.warn`, silenced and recorded for the test. */
function silencedWarnings() {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  defer(() => warn.mockRestore())
  return warn
}

const connected = (s: PeerSession) => until(s, (st) => st.phase === 'connected', 12_000)

describe('given a connection that gathers no candidate at all', () => {
  it('over a channel, on the side that answers: a new connection takes over and the call connects', async () => {
    const warn = silencedWarnings()
    // Connection 1 is the caller's, connection 2 the callee's (each side makes one per call).
    const pcs = stickConnections(2)
    const [a, b] = channelPair()
    await a.startCall()
    const started = performance.now()
    await Promise.all([connected(a), connected(b)])
    expect(pcs.stuckCount()).toBe(1)
    // The stuck side started over as the caller; the other answered the new connection.
    expect(b.getState().role).toBe('caller')
    expect(a.getState().role).toBe('callee')
    expect(a.getState().error).toBeNull()
    expect(b.getState().error).toBeNull()
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('gathered no candidate in 3 s'))
    console.log(
      `[stuck] channel, stuck callee: connected ${Math.round(performance.now() - started)} ms after the start`,
    )
  }, 30_000)

  it('over a channel, on the side that calls: a new connection takes over and the call connects', async () => {
    const warn = silencedWarnings()
    const pcs = stickConnections(1)
    const [a, b] = channelPair()
    await a.startCall()
    await Promise.all([connected(a), connected(b)])
    expect(pcs.stuckCount()).toBe(1)
    // The caller started over, still the caller; the other side answered the new connection.
    expect(a.getState().role).toBe('caller')
    expect(b.getState().role).toBe('callee')
    expect(a.getState().error).toBeNull()
    expect(b.getState().error).toBeNull()
    expect(warn).toHaveBeenCalledTimes(1)
  }, 30_000)

  it('by copy-paste, on either side: the signal waits for a new connection, with candidates in it', async () => {
    const warn = silencedWarnings()
    // The caller's first connection and the callee's first one are stuck.
    const pcs = stickConnections(1, 3)
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    const started = performance.now()
    await connectSessions(a, b)
    expect(pcs.stuckCount()).toBe(2)
    // Neither signal went out without a candidate: each came from the connection that took over.
    for (const s of [a, b]) expect(s.getState().candidateCounts?.host ?? 0).toBeGreaterThan(0)
    expect(warn).toHaveBeenCalledTimes(2)
    console.log(
      `[stuck] copy-paste, both stuck once: connected ${Math.round(performance.now() - started)} ms after Create offer`,
    )
  }, 40_000)
})
