import { fireEvent, render, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { VideoCall } from '../../src'
import {
  calls,
  connectByPaste,
  connectSessions,
  expectPlayingVideo,
  testSession,
  trackPeerConnections,
  until,
  waitForSignal,
  type CallUi,
  renderCallerAndCallee,
} from './helpers'

describe('given a session prepared ahead of the click (prepare)', () => {
  it('gathers into a pool at once, and the next call takes that connection and connects', async () => {
    const pcs = trackPeerConnections()
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    a.prepare()
    a.prepare() // again: the same connection
    // Once the session's call engine is there (loaded at the first prepare).
    await waitFor(() => expect(pcs.created).toHaveLength(1))
    const warm = pcs.created[0] as RTCPeerConnection
    expect(warm.getConfiguration().iceCandidatePoolSize).toBe(1)
    // Nothing is announced before the call: the pool is gathered, no description exists.
    expect(warm.signalingState).toBe('stable')
    expect(a.getState().phase).toBe('idle')

    await new Promise((resolve) => setTimeout(resolve, 300))
    const started = performance.now()
    await a.createOffer()
    const readyMs = performance.now() - started
    // The offer was made on the prepared connection, not a new one.
    expect(pcs.created).toHaveLength(1)
    expect(a.getState().step).toBe('offer-ready')
    expect(warm.localDescription?.type).toBe('offer')
    expect(a.getState().candidateCounts?.host).toBeGreaterThan(0)
    console.log(`[prewarm] offer ready ${Math.round(readyMs)} ms after createOffer (pool of 1)`)

    await b.createAnswer(a.getState().localSignal)
    await a.completeConnection(b.getState().localSignal)
    await until(a, (s) => s.phase === 'connected')
    expect(warm.connectionState).toBe('connected')

    // During a call, prepare does nothing.
    const before = pcs.created.length
    a.prepare()
    expect(pcs.created).toHaveLength(before)
  })

  it('drops the prepared connection when the options change or the session is disposed', async () => {
    const pcs = trackPeerConnections()
    const a = testSession({ iceServers: [] })
    a.prepare()
    await waitFor(() => expect(pcs.created).toHaveLength(1))
    const first = pcs.created[0] as RTCPeerConnection
    // The same configuration in a new object (as a re-render passes it): kept.
    a.setOptions({ iceServers: [] })
    expect(first.signalingState).toBe('stable')
    // Another configuration: the warmed-up connection would not fit the next call.
    a.setOptions({ iceServers: [{ urls: inject('silentStunUrl') }] })
    expect(first.signalingState).toBe('closed')
    await a.createOffer()
    const used = pcs.created[1] as RTCPeerConnection
    expect(used.getConfiguration().iceServers?.[0]?.urls).toEqual([inject('silentStunUrl')])
    a.hangUp()

    a.prepare()
    const next = pcs.created.at(-1) as RTCPeerConnection
    expect(next).not.toBe(used)
    a.dispose()
    expect(next.signalingState).toBe('closed')
  })

  it('closes the connection made for a call that is hung up while the camera starts', async () => {
    const pcs = trackPeerConnections()
    const a = testSession({ iceServers: [] })
    let grant: (stream: MediaStream | null) => void = () => {}
    const offering = a.createOffer({ media: () => new Promise((resolve) => (grant = resolve)) })
    // The call made its connection as it started, to gather while the camera starts.
    await waitFor(() => expect(pcs.created).toHaveLength(1))
    expect(a.getState().step).toBe('acquiring-media')
    a.hangUp()
    expect(pcs.created[0]?.signalingState).toBe('closed')
    grant(null)
    await offering
    expect(pcs.live()).toHaveLength(0)
  })

  it('is harmless where it cannot build a connection: the call reports the bad configuration', async () => {
    const a = testSession({ iceServers: [{ urls: 'http://not-a-stun-server' }] })
    a.prepare()
    await a.createOffer()
    expect(a.getState().error?.code).toBe('ERR_CONFIG')
  })
})

describe('given <VideoCall> with the camera preview on', () => {
  it('prepares the connection before Create offer, and the call uses it (prewarm, the default)', async () => {
    const pcs = trackPeerConnections()
    const [a, b] = renderCallerAndCallee()
    fireEvent.click(a.button('Start camera'))
    await expectPlayingVideo(a.localVideo())
    await waitFor(() => expect(pcs.created).toHaveLength(1))
    const warm = pcs.created[0] as RTCPeerConnection
    await connectByPaste(a, b)
    expect(warm.connectionState).toBe('connected')
    // The callee prepared too, once the offer was filled in, and answered on it: two in all.
    expect(pcs.created).toHaveLength(2)
  })

  it('waits for the click with prewarm={false}', async () => {
    const pcs = trackPeerConnections()
    render(<VideoCall iceServers={[]} prewarm={false} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Start camera'))
    await expectPlayingVideo(a.localVideo())
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(pcs.created).toHaveLength(0)
    fireEvent.click(a.button('Create offer'))
    await waitForSignal(a)
    expect(pcs.created).toHaveLength(1)
  })
})

describe('given two prepared sessions', () => {
  it('connect with in-band messages as usual', async () => {
    const a = testSession({ iceServers: [] })
    const b = testSession({ iceServers: [] })
    a.prepare()
    b.prepare()
    await connectSessions(a, b)
    expect(a.getState().inBand).toBe(true)
  })
})
