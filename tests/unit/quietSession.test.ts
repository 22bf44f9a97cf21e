import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  INITIAL_SESSION_STATE,
  type PeerSession,
  type PeerSessionState,
} from '../../src/core/peerSession'
import { createStore } from '../../src/core/store'
import { createQuietSession, staysQuiet } from '../../src/prefabs/quietSession'

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
