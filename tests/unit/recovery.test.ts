import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createRecovery,
  DEFAULT_RESTART_SCHEDULE,
  restartDelay,
} from '../../src/core/session/recovery'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

function loop(overrides: { reach?: boolean } = {}) {
  const state = { reach: overrides.reach ?? true, up: false, restarts: 0 }
  const attempts: [number, string][] = []
  const recovery = createRecovery({
    canReach: () => state.reach,
    isUp: () => state.up,
    restart: async () => {
      state.restarts++
    },
    onAttempt: (n, reason) => attempts.push([n, reason]),
    schedule: [0, 1000, 3000],
  })
  return { state, attempts, recovery }
}

describe('given a restart schedule', () => {
  it('takes each delay in turn and repeats the last', () => {
    expect([1, 2, 3, 4, 10].map((n) => restartDelay(n, [0, 1000, 3000]))).toEqual([
      0, 1000, 3000, 3000, 3000,
    ])
    expect(restartDelay(1, [])).toBe(0)
    expect(DEFAULT_RESTART_SCHEDULE.at(-1)).toBeLessThanOrEqual(3000)
  })
})

describe('given a call whose transport is down', () => {
  it('restarts at once, then on the schedule, until the transport is up; then starts over', async () => {
    const { state, attempts, recovery } = loop()
    recovery.start('ice failed')
    await vi.advanceTimersByTimeAsync(0)
    expect(state.restarts).toBe(1)
    await vi.advanceTimersByTimeAsync(999)
    expect(state.restarts).toBe(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(state.restarts).toBe(2)
    await vi.advanceTimersByTimeAsync(3000 * 3)
    expect(state.restarts).toBe(5)
    expect(recovery.active).toBe(true)
    expect(attempts.map(([n]) => n)).toEqual([1, 2, 3, 4, 5])
    expect(attempts[1]?.[1]).toBe('no answer yet')

    state.up = true
    await vi.advanceTimersByTimeAsync(3000)
    expect(state.restarts).toBe(5)
    expect(recovery.active).toBe(false)
    expect(recovery.attempts).toBe(0)
    // Down again later: attempt 1 again, at the first delay.
    state.up = false
    recovery.start('ice disconnected', 500)
    await vi.advanceTimersByTimeAsync(500)
    expect(attempts.at(-1)).toEqual([1, 'ice disconnected'])
  })

  it('counts no attempts while no path can carry a restart, and tries at once when poked', async () => {
    const { state, attempts, recovery } = loop({ reach: false })
    recovery.start('ice failed')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(state.restarts).toBe(0)
    expect(recovery.active).toBe(false)
    state.reach = true
    recovery.poke('signaling channel open')
    await vi.advanceTimersByTimeAsync(0)
    expect(attempts).toEqual([[1, 'signaling channel open']])
    expect(recovery.active).toBe(true)
  })

  it('does nothing after stop or dispose', async () => {
    const { state, recovery } = loop()
    recovery.start('ice failed', 1000)
    recovery.stop()
    recovery.poke('online')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(state.restarts).toBe(0)
    recovery.start('ice failed')
    recovery.dispose()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(state.restarts).toBe(0)
  })
})
