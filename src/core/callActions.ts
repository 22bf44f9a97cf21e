import type { CallPhase } from './phase'
import type { CallRole } from './peerSession'

/** Which call actions make sense now; UIs enable their buttons from it. */
export interface CallActions {
  createOffer: boolean
  createAnswer: boolean
  completeConnection: boolean
  hangUp: boolean
  /** Whether the caller/callee choice may change (not during a call). */
  chooseRole: boolean
}

const STARTABLE: ReadonlySet<CallPhase> = new Set(['idle', 'closed', 'failed'])

/**
 * Derives the available actions from the phase and the chosen role.
 *
 * @example
 * callActions('awaiting-answer', 'caller').completeConnection // true
 */
export function callActions(phase: CallPhase, role: CallRole): CallActions {
  const startable = STARTABLE.has(phase)
  return {
    createOffer: startable && role === 'caller',
    createAnswer: startable && role === 'callee',
    completeConnection: phase === 'awaiting-answer' && role === 'caller',
    hangUp: phase !== 'idle' && phase !== 'closed',
    chooseRole: startable,
  }
}
