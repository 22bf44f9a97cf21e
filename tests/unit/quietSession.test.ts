import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  INITIAL_SESSION_STATE,
  type PeerSession,
  type PeerSessionState,
} from '../../src/core/peerSession'
import { createStore } from '../../src/core/store'
import { createQuietSession, staysQuiet } from '../../src/prefabs/quietSession'
import { connectionComesUp } from '../../src/prefabs/useQuietView'

/** A session as far as the view reads it: a store, and one method that records its calls. */
function fakeSession() {
  const store = createStore<PeerSessionState>({
    ...INITIAL_SESSION_STATE,
    phase: 'connecting',
    step: 'completing',
  })
  const hangUp = vi.fn()
  const session = { getState: store.getState, subscribe: store.subscribe, hangUp }
  const set = (patch: Partial<PeerSessionState>) => store.setState((s) => ({ ...s, ...patch }))
  return { session: session as unknown as PeerSession, store, set, hangUp }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('createQuietSession', () => {
  it('passes every change through while not held', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    set({ signalingState: 'stable' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(quiet.view.getState()).toBe(session.getState())
    expect(quiet.isHeld()).toBe(false)
  })

  it('held, keeps the snapshot of the hold and is silent; the release notifies once', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    const before = quiet.view.getState()
    quiet.hold(1000)
    set({ signalingState: 'stable' })
    set({ phase: 'connected', connectionState: 'connected' })
    expect(listener).not.toHaveBeenCalled()
    expect(quiet.view.getState()).toBe(before)
    // The session itself is not held.
    expect(session.getState().phase).toBe('connected')
    quiet.release()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(quiet.view.getState()).toBe(session.getState())
    quiet.release()
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('releases without a notification when nothing changed', () => {
    const { session } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    quiet.hold(1000)
    quiet.release()
    expect(listener).not.toHaveBeenCalled()
  })

  it('releases by itself after maxMs', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    quiet.hold(1000)
    set({ phase: 'connected' })
    vi.advanceTimersByTime(999)
    expect(listener).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(listener).toHaveBeenCalledTimes(1)
    expect(quiet.isHeld()).toBe(false)
  })

  it('releases at once when the call leaves its way up: an error, a failure, another step', () => {
    for (const patch of [
      { error: { code: 'ERR_SET_REMOTE_DESCRIPTION' } } as unknown as Partial<PeerSessionState>,
      { phase: 'failed' },
      { phase: 'closed' },
      { step: 'offer-ready' },
      { remoteStream: {} as MediaStream },
    ] as Partial<PeerSessionState>[]) {
      const { session, set } = fakeSession()
      const quiet = createQuietSession(session)
      const listener = vi.fn()
      quiet.view.subscribe(listener)
      quiet.hold(1000)
      set(patch)
      expect(listener, JSON.stringify(patch)).toHaveBeenCalledTimes(1)
      expect(quiet.view.getState()).toBe(session.getState())
    }
  })

  it('calls the session for what the view does, and subscribes to it only while listened to', () => {
    const { session, store, hangUp } = fakeSession()
    let subscriptions = 0
    const counted = {
      ...session,
      subscribe(listener: () => void) {
        subscriptions++
        const off = store.subscribe(listener)
        return () => {
          subscriptions--
          off()
        }
      },
    } as PeerSession
    const quiet = createQuietSession(counted)
    quiet.view.hangUp()
    expect(hangUp).toHaveBeenCalledTimes(1)
    const listener = vi.fn()
    const offA = quiet.view.subscribe(listener)
    const offB = quiet.view.subscribe(() => {})
    expect(subscriptions).toBe(1)
    offA()
    expect(subscriptions).toBe(1)
    offB()
    expect(subscriptions).toBe(0)
    store.setState((s) => ({ ...s, phase: 'connected' }))
    expect(listener).not.toHaveBeenCalled()
  })
})

describe('holdFrom', () => {
  const up = (before: PeerSessionState, now: PeerSessionState) =>
    before.connectionState !== 'connected' && now.connectionState === 'connected'

  it('shows every change until the one that starts it, then holds what was shown before it', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    quiet.holdFrom(up, 1000)
    // A long wait for the other side: what happens meanwhile shows as it comes.
    set({ iceConnectionState: 'connected' })
    expect(listener).toHaveBeenCalledTimes(1)
    const before = quiet.view.getState()
    expect(before.iceConnectionState).toBe('connected')
    expect(quiet.isHeld()).toBe(false)
    // The change that starts it is not shown, nor what follows.
    set({ connectionState: 'connected', phase: 'connected' })
    set({ inBand: true })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(quiet.isHeld()).toBe(true)
    expect(quiet.view.getState()).toBe(before)
    quiet.release()
    expect(listener).toHaveBeenCalledTimes(2)
    expect(quiet.view.getState().phase).toBe('connected')
  })

  it('lasts at most maxMs from its change, and a release before its change disarms it', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    quiet.holdFrom(up, 1000)
    vi.advanceTimersByTime(5000)
    set({ connectionState: 'connected' })
    expect(quiet.isHeld()).toBe(true)
    vi.advanceTimersByTime(1000)
    expect(quiet.isHeld()).toBe(false)
    expect(listener).toHaveBeenCalledTimes(1)

    const other = fakeSession()
    const disarmed = createQuietSession(other.session)
    disarmed.view.subscribe(listener)
    disarmed.holdFrom(up, 1000)
    disarmed.release()
    other.set({ connectionState: 'connected' })
    expect(disarmed.isHeld()).toBe(false)
    expect(listener).toHaveBeenCalledTimes(2)
  })

  it('does not start on a change off the way up (an error with it), and such a change ends it', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    quiet.holdFrom(up, 1000)
    set({ connectionState: 'connected', phase: 'failed' })
    expect(quiet.isHeld()).toBe(false)
    expect(listener).toHaveBeenCalledTimes(1)

    const next = fakeSession()
    const held = createQuietSession(next.session)
    held.view.subscribe(listener)
    held.holdFrom(up, 1000)
    next.set({ connectionState: 'connected' })
    expect(held.isHeld()).toBe(true)
    next.set({ step: 'hung-up', phase: 'closed' })
    expect(held.isHeld()).toBe(false)
    expect(held.view.getState().step).toBe('hung-up')
  })
})

describe('connectionComesUp', () => {
  const waiting = { ...INITIAL_SESSION_STATE, phase: 'connecting', step: 'answer-ready' } as const
  it('is the change to a connected connection (DTLS), not ICE alone', () => {
    const iceUp = { ...waiting, iceConnectionState: 'connected' } as const
    expect(connectionComesUp(waiting, iceUp)).toBe(false)
    expect(connectionComesUp(iceUp, { ...iceUp, connectionState: 'connected' })).toBe(true)
    const connected = { ...iceUp, connectionState: 'connected' } as const
    expect(connectionComesUp(connected, { ...connected, inBand: true })).toBe(false)
  })
})

describe('staysQuiet', () => {
  const held = { ...INITIAL_SESSION_STATE, phase: 'connecting', step: 'completing' } as const
  it('while the call comes up: connecting, then connected, the same step and stream', () => {
    expect(staysQuiet(held, { ...held, signalingState: 'stable' })).toBe(true)
    expect(staysQuiet(held, { ...held, phase: 'connected' })).toBe(true)
  })
  it('not once it leaves that way', () => {
    expect(staysQuiet(held, { ...held, phase: 'reconnecting' })).toBe(false)
    expect(staysQuiet(held, { ...held, step: 'hung-up' })).toBe(false)
  })
})
