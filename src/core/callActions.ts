import { canHangUp, canStartCall, hasCallEnded, isCallOver } from './phase.js'
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
  const startable = canStartCall(state)
  const pasting = mode === 'copy-paste'
  // A call whose transport is down but whose connection still exists can be restarted by paste.
  const recovering = (phase === 'reconnecting' || phase === 'failed') && !isCallOver(step)
  return {
    createOffer: pasting && startable && role === 'caller',
    createAnswer: pasting && ((startable && role === 'callee') || recovering),
    completeConnection:
      pasting &&
      ((phase === 'awaiting-answer' && role === 'caller') || step === 'reconnect-offer-ready'),
    startCall: !pasting && startable,
    hangUp: canHangUp(state),
    reconnect: pasting && recovering,
    shareScreen: phase === 'connected' && state.inBand && !state.localScreen,
    stopSharing: state.localScreen !== null,
    chooseRole: startable,
  }
}

/**
 * What a call UI shows: the `lobby` (preview and the exchange) until this tab has done its part,
 * the `call` (the other person's video, the control bar) from then on — while connecting,
 * connected, reconnecting, or failed mid-call — and `ended` once the call is over.
 */
export type CallView = 'lobby' | 'call' | 'ended'

/**
 * The view for the session's snapshot, the role and the mode. A copy-paste callee stays in the
 * lobby until connected (its reply still has to reach the caller); a caller goes to the call at
 * Complete connection, while the browser applies the answer (a refused one brings the lobby back);
 * with a channel, the call shows as soon as it is negotiating.
 *
 * @example
 * callView({ phase: 'connecting', step: 'completing' }, 'caller') // 'call'
 */
export function callView(
  state: Pick<PeerSessionState, 'phase' | 'step'>,
  role: CallRole,
  mode: SignalingMode = 'copy-paste',
): CallView {
  const { phase, step } = state
  if (hasCallEnded(state)) return 'ended'
  if (phase === 'connected' || phase === 'reconnecting') return 'call'
  if (phase === 'failed') return step === 'idle' ? 'lobby' : 'call'
  if (phase !== 'connecting') return 'lobby'
  return mode === 'channel' || role === 'caller' || step === 'completing' ? 'call' : 'lobby'
}
