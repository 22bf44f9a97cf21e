import type { CallPhase, CallStep } from './phase.js'
import type { CallRole, PeerSessionState } from './peerSession.js'

/** How the first exchange travels: by copy-paste, or over a signaling channel. */
export type SignalingMode = 'copy-paste' | 'channel'

/** Which call actions make sense now; UIs enable their buttons from it. */
export interface CallActions {
  createOffer: boolean
  createAnswer: boolean
  completeConnection: boolean
  /** With a signaling channel: start a call that needs no paste. */
  startCall: boolean
  hangUp: boolean
  /** Copy-paste recovery: an ICE-restart offer to paste to the other side. */
  reconnect: boolean
  shareScreen: boolean
  stopSharing: boolean
  /** Whether the caller/callee choice may change (not during a call). */
  chooseRole: boolean
}

const STARTABLE: ReadonlySet<CallPhase> = new Set(['idle', 'closed', 'failed'])
const ENDED: ReadonlySet<CallStep> = new Set(['idle', 'hung-up'])

/**
 * Derives the available actions from the session's snapshot, the chosen role and the mode.
 *
 * @example
 * const state = useConnectionState(session)
 * callActions(state, 'caller').completeConnection // true while the offer awaits its answer
 */
export function callActions(
  state: Pick<PeerSessionState, 'phase' | 'step' | 'inBand' | 'localScreen'>,
  role: CallRole,
  mode: SignalingMode = 'copy-paste',
): CallActions {
  const { phase, step } = state
  const startable = STARTABLE.has(phase)
  const pasting = mode === 'copy-paste'
  // A call whose transport is down but whose connection still exists can be restarted by paste.
  const recovering = (phase === 'reconnecting' || phase === 'failed') && !ENDED.has(step)
  return {
    createOffer: pasting && startable && role === 'caller',
    createAnswer: pasting && ((startable && role === 'callee') || recovering),
    completeConnection:
      pasting &&
      ((phase === 'awaiting-answer' && role === 'caller') || step === 'reconnect-offer-ready'),
    startCall: !pasting && startable,
    hangUp: phase !== 'idle' && phase !== 'closed',
    reconnect: pasting && recovering,
    shareScreen: phase === 'connected' && state.inBand && !state.localScreen,
    stopSharing: state.localScreen !== null,
    chooseRole: startable,
  }
}
