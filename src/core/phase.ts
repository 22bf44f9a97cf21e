/**
 * One word for where a call is, derived from the four native state layers and the local step.
 * Components style it through `data-state`; apps switch on it.
 */
export type CallPhase =
  | 'idle'
  | 'acquiring-media'
  | 'creating-offer'
  | 'awaiting-answer'
  | 'creating-answer'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  | 'failed'
  | 'closed'

/** What this tab has done so far in the current call (not reported by the browser). */
export type CallStep =
  | 'idle'
  | 'acquiring-media'
  | 'creating-offer'
  | 'offer-ready'
  | 'creating-answer'
  | 'answer-ready'
  | 'completing'
  /** Channel mode: offers and answers travel by themselves; waiting for the connection. */
  | 'negotiating'
  /** An ICE-restart offer waits in Local signal for the other side's answer (copy-paste Reconnect). */
  | 'reconnect-offer-ready'
  | 'hung-up'

/** The inputs of {@link derivePhase}. */
export interface PhaseInput {
  step: CallStep
  signalingState: RTCSignalingState
  iceConnectionState: RTCIceConnectionState
  connectionState: RTCPeerConnectionState
  /** ICE restarts are under way over a live signaling path (`PeerSessionState.recovery`). */
  recovering?: boolean
}

/**
 * Derives the call phase. Pure: the same input always gives the same phase.
 *
 * @example
 * derivePhase({ step: 'offer-ready', signalingState: 'have-local-offer',
 *   iceConnectionState: 'new', connectionState: 'new' }) // 'awaiting-answer'
 */
export function derivePhase(input: PhaseInput): CallPhase {
  const { step, signalingState, iceConnectionState, connectionState } = input
  if (step === 'hung-up' || signalingState === 'closed' || connectionState === 'closed') {
    return 'closed'
  }
  const restarting = step === 'reconnect-offer-ready' || input.recovering === true
  // Failed only when nothing is carrying a restart: while one is, the call is reconnecting.
  if (connectionState === 'failed' || iceConnectionState === 'failed') {
    return restarting ? 'reconnecting' : 'failed'
  }
  if (connectionState === 'disconnected' || iceConnectionState === 'disconnected') {
    return 'reconnecting'
  }
  if (connectionState === 'connected') return 'connected'
  switch (step) {
    case 'acquiring-media':
      return 'acquiring-media'
    case 'creating-offer':
      return 'creating-offer'
    case 'offer-ready':
      return signalingState === 'have-local-offer' ? 'awaiting-answer' : 'connecting'
    case 'creating-answer':
      return 'creating-answer'
    case 'answer-ready':
    case 'completing':
    case 'negotiating':
      return 'connecting'
    case 'reconnect-offer-ready':
      return 'reconnecting'
    case 'idle':
      return 'idle'
  }
}

/**
 * The call's life cycle in one place, for the core and the components alike: whether a call is
 * over (or none started), and whether a new one can start now — nothing is under way, or what was
 * under way failed or closed.
 *
 * @example
 * canStartCall(session.getState()) // true before the first call and after a hang-up
 */
export function isCallOver(step: CallStep): boolean {
  return step === 'idle' || step === 'hung-up'
}

/** The two fields the life cycle is read from (a session's snapshot has both). */
export interface CallLifeCycle {
  readonly step: CallStep
  readonly phase: CallPhase
}

/** See {@link isCallOver}. */
export function canStartCall(state: CallLifeCycle): boolean {
  return isCallOver(state.step) || state.phase === 'failed' || state.phase === 'closed'
}

/**
 * Whether the call has ended (hung up on either side, or its connection closed): what an ended
 * screen shows. A call that failed has not ended: it can still be restarted or hung up.
 */
export function hasCallEnded(state: CallLifeCycle): boolean {
  return state.phase === 'closed' || state.step === 'hung-up'
}

/** Whether there is a call that a hang-up would end: one under way, failed included. */
export function canHangUp(state: CallLifeCycle): boolean {
  return state.phase !== 'idle' && !hasCallEnded(state)
}
