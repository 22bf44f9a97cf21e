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

  it('armed with holdAt, passes changes through until the one it names, then holds the view as it was before it', () => {
    const { session, set } = fakeSession()
    set({ step: 'answer-ready' })
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    quiet.holdAt((before, now) => before.phase !== 'connected' && now.phase === 'connected', 1000)
    // ICE checks while the other side has not answered yet: shown as they come.
    set({ iceConnectionState: 'checking' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(quiet.isHeld()).toBe(false)
    const before = quiet.view.getState()
    // Connected: the view keeps what it showed, and hears nothing until the release.
    set({ phase: 'connected', connectionState: 'connected' })
    set({ securityCode: '123 456' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(quiet.isHeld()).toBe(true)
    expect(quiet.view.getState()).toBe(before)
    quiet.release()
    expect(listener).toHaveBeenCalledTimes(2)
    expect(quiet.view.getState()).toMatchObject({ phase: 'connected', securityCode: '123 456' })
    // Held once: the next connection shows as it comes.
    set({ phase: 'connecting' })
    set({ phase: 'connected' })
    expect(listener).toHaveBeenCalledTimes(4)
  })

  it('armed with holdAt, holds for at most maxMs from that change, and not past a change off the way up', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    const toConnected = (_: PeerSessionState, now: PeerSessionState) => now.phase === 'connected'
    quiet.holdAt(toConnected, 1000)
    vi.advanceTimersByTime(5000)
    set({ phase: 'connected' })
    expect(listener).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1000)
    expect(listener).toHaveBeenCalledTimes(1)

    // A change that is not on the way up (an error) shows at once, even when it is the one named.
    const other = fakeSession()
    const quietOther = createQuietSession(other.session)
    const heard = vi.fn()
    quietOther.view.subscribe(heard)
    quietOther.holdAt(toConnected, 1000)
    other.set({
      phase: 'connected',
      error: { code: 'ERR_SET_REMOTE_DESCRIPTION' },
    } as unknown as Partial<PeerSessionState>)
    expect(heard).toHaveBeenCalledTimes(1)
    expect(quietOther.isHeld()).toBe(false)
  })

  it('release disarms a holdAt that has not fired', () => {
    const { session, set } = fakeSession()
    const quiet = createQuietSession(session)
    const listener = vi.fn()
    quiet.view.subscribe(listener)
    quiet.holdAt((_, now) => now.phase === 'connected', 1000)
    quiet.release()
    set({ phase: 'connected' })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(quiet.isHeld()).toBe(false)
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
