/**
 * The delays before each ICE-restart attempt of a call whose transport is down, in ms (LiveKit's
 * reconnect policy has the same shape): the first at once, then backing off to a cap that keeps
 * the call back within a few seconds of the network returning. The last delay repeats for as long
 * as the call lasts and a signaling path is up.
 */
export const DEFAULT_RESTART_SCHEDULE: readonly number[] = [0, 1000, 2000, 3000]

/**
 * The delay before attempt `attempt` (1-based) of a schedule: its last entry repeats.
 *
 * @example
 * restartDelay(1, [0, 1000, 3000]) // 0
 * restartDelay(9, [0, 1000, 3000]) // 3000
 */
export function restartDelay(attempt: number, schedule: readonly number[]): number {
  if (schedule.length === 0) return 0
  return schedule[Math.min(Math.max(attempt, 1), schedule.length) - 1] ?? 0
}

/** Options of {@link createRecovery}. */
export interface RecoveryOptions {
  /** Whether a restart offer can reach the other side now (a path that is not the dead transport). */
  canReach: () => boolean
  /** Whether the transport is back (ICE connected): recovery then stops by itself. */
  isUp: () => boolean
  /** Starts one attempt: roll back an unanswered restart offer and restart ICE. */
  restart: () => Promise<void>
  /** Told of every attempt, with its number and why it started. */
  onAttempt: (attempt: number, reason: string) => void
  schedule?: readonly number[]
  /** Extra delay before each attempt (the polite side waits a little, to collide less). */
  offsetMs?: number
}

/** The recovery loop of one call: see {@link createRecovery}. */
export interface Recovery {
  /**
   * The transport went down (or failed): attempt on the schedule until it is up again; the first
   * attempt after `firstDelayMs` (default: the schedule's first delay). Nothing if running.
   */
  start(reason: string, firstDelayMs?: number): void
  /** Something changed that may let an attempt through at once: a path came up, the network came back. */
  poke(reason: string): void
  /** The transport is up: stop, and start from the first delay next time. */
  stop(): void
  /** Whether attempts are running (the transport is down and a path can carry a restart). */
  readonly active: boolean
  readonly attempts: number
  dispose(): void
}

/**
 * A call's recovery loop: while its transport is down, ICE restarts on a schedule of delays, each
 * one re-offered after rolling back the previous if it was never answered, for as long as the call
 * lasts and a path can carry the offer. Waits (without counting attempts) while no path is up,
 * and tries at once when poked. Owns its timer; `dispose` ends it.
 *
 * @example
 * const recovery = createRecovery({ canReach, isUp, restart, onAttempt })
 * pc.onconnectionstatechange = () =>
 *   pc.connectionState === 'connected' ? recovery.stop() : recovery.start(pc.connectionState)
 */
export function createRecovery(options: RecoveryOptions): Recovery {
  const schedule = options.schedule ?? DEFAULT_RESTART_SCHEDULE
  let running = false
  let attempts = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let disposed = false

  const clear = () => {
    clearTimeout(timer)
    timer = undefined
  }

  function plan(reason: string, delay: number) {
    clear()
    timer = setTimeout(() => void attempt(reason), delay)
  }

  async function attempt(reason: string) {
    timer = undefined
    if (disposed || !running) return
    if (options.isUp()) {
      stop()
      return
    }
    // No path for the offer: wait for one (poke) instead of counting lost attempts.
    if (!options.canReach()) return
    attempts += 1
    options.onAttempt(attempts, reason)
    try {
      await options.restart()
    } catch {
      // The next attempt tries again.
    }
    if (!disposed && running)
      plan('no answer yet', restartDelay(attempts + 1, schedule) + (options.offsetMs ?? 0))
  }

  function stop() {
    running = false
    attempts = 0
    clear()
  }

  return {
    start(reason, firstDelayMs) {
      if (disposed || running) return
      running = true
      plan(reason, (firstDelayMs ?? restartDelay(1, schedule)) + (options.offsetMs ?? 0))
    },
    poke(reason) {
      if (disposed || !running) return
      plan(reason, options.offsetMs ?? 0)
    },
    stop,
    get active() {
      return running && options.canReach()
    },
    get attempts() {
      return attempts
    },
    dispose() {
      disposed = true
      stop()
    },
  }
}
