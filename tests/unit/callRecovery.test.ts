import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCallRecovery } from '../../src/core/session/callRecovery'
import { attachNegotiation } from '../../src/core/session/negotiation'
import { INITIAL_SESSION_STATE, type PeerSessionState } from '../../src/core/peerSessionTypes'
import { nextSessionState, type SessionPatch } from '../../src/core/session/sessionSnapshot'
import type { Transport } from '../../src/core/session/transport'

// A call's recovery with a fake connection: what it shows, and when it restarts ICE.

function setup(canReach: boolean) {
  const pc = Object.assign(new EventTarget(), {
    connectionState: 'connected' as RTCPeerConnectionState,
    iceConnectionState: 'connected' as RTCIceConnectionState,
    signalingState: 'stable' as RTCSignalingState,
    restartIce: vi.fn(),
    setLocalDescription: vi.fn(async () => {}),
  })
  // The real negotiation (the only code that sets descriptions) over the fake connection.
  const negotiation = attachNegotiation(pc as unknown as RTCPeerConnection, {
    polite: () => false,
    send: () => {},
    canSend: () => true,
    onError: () => {},
  })
  let state: PeerSessionState = INITIAL_SESSION_STATE
  const reach = { value: canReach }
  const recovery = createCallRecovery({
    transport: { pc, negotiation } as unknown as Transport,
    canReach: () => reach.value,
    polite: false,
    reconnectAfterMs: 3000,
    state: () => state,
    update: (patch: SessionPatch) => {
      state = nextSessionState(state, patch)
    },
    isCurrent: () => true,
  })
  const go = (connection: RTCPeerConnectionState, ice: RTCIceConnectionState) => {
    pc.connectionState = connection
    pc.iceConnectionState = ice
    recovery.watch()
  }
  return { pc, negotiation, recovery, go, reach, state: () => state }
}

describe('createCallRecovery', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('says failed when no path can carry a restart (copy-paste: Reconnect)', () => {
    const { go, state, pc } = setup(false)
    go('failed', 'failed')
    expect(state().error?.code).toBe('ERR_CONNECTION_FAILURE')
    expect(state().recovery).toBeNull()
    expect(pc.restartIce).not.toHaveBeenCalled()
  })

  it('restarts ICE while a signaling channel is up, shows each attempt, and clears them once connected', async () => {
    const { go, state, pc, negotiation } = setup(true)
    go('failed', 'failed')
    await vi.advanceTimersByTimeAsync(0)
    expect(pc.restartIce).toHaveBeenCalledTimes(1)
    expect(negotiation.inBand).toBe(true)
    expect(state().recovery).toEqual({ attempts: 1, reason: 'ice failed' })
    expect(state().error).toBeNull()
    await vi.advanceTimersByTimeAsync(1000)
    expect(pc.restartIce).toHaveBeenCalledTimes(2)
    go('connected', 'connected')
    expect(state().recovery).toBeNull()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(pc.restartIce).toHaveBeenCalledTimes(2)
  })

  it('waits reconnectAfterMs after a disconnect before the first restart, and rolls back our lost offer', async () => {
    const { go, pc } = setup(true)
    go('disconnected', 'disconnected')
    await vi.advanceTimersByTimeAsync(2_900)
    expect(pc.restartIce).not.toHaveBeenCalled()
    pc.signalingState = 'have-local-offer'
    pc.setLocalDescription.mockImplementation(async () => {
      pc.signalingState = 'stable'
    })
    await vi.advanceTimersByTimeAsync(200)
    expect(pc.setLocalDescription).toHaveBeenCalledWith({ type: 'rollback' })
    expect(pc.restartIce).toHaveBeenCalledTimes(1)
  })
})
