import { describe, expect, it } from 'vitest'
import { callActions, callView } from '../../src/core/callActions'
import {
  canHangUp,
  canStartCall,
  derivePhase,
  hasCallEnded,
  isCallOver,
  type CallPhase,
  type CallStep,
  type PhaseInput,
} from '../../src/core/phase'
import {
  countCandidates,
  INITIAL_SESSION_STATE,
  type PeerSessionState,
} from '../../src/core/peerSession'

const fresh: Omit<PhaseInput, 'step'> = {
  signalingState: 'stable',
  iceConnectionState: 'new',
  connectionState: 'new',
}

const table: [string, PhaseInput, CallPhase][] = [
  ['nothing yet', { ...fresh, step: 'idle' }, 'idle'],
  ['waiting for the camera', { ...fresh, step: 'acquiring-media' }, 'acquiring-media'],
  [
    'making the offer',
    { ...fresh, step: 'creating-offer', signalingState: 'have-local-offer' },
    'creating-offer',
  ],
  [
    'offer out',
    { ...fresh, step: 'offer-ready', signalingState: 'have-local-offer' },
    'awaiting-answer',
  ],
  [
    'making the answer',
    { ...fresh, step: 'creating-answer', signalingState: 'have-remote-offer' },
    'creating-answer',
  ],
  ['answer out', { ...fresh, step: 'answer-ready', iceConnectionState: 'checking' }, 'connecting'],
  ['answer applied', { ...fresh, step: 'completing', connectionState: 'connecting' }, 'connecting'],
  [
    'connected',
    {
      step: 'completing',
      signalingState: 'stable',
      iceConnectionState: 'connected',
      connectionState: 'connected',
    },
    'connected',
  ],
  [
    'callee connected',
    {
      step: 'answer-ready',
      signalingState: 'stable',
      iceConnectionState: 'completed',
      connectionState: 'connected',
    },
    'connected',
  ],
  [
    'ice disconnected',
    {
      step: 'completing',
      signalingState: 'stable',
      iceConnectionState: 'disconnected',
      connectionState: 'connected',
    },
    'reconnecting',
  ],
  [
    'connection disconnected',
    {
      step: 'completing',
      signalingState: 'stable',
      iceConnectionState: 'disconnected',
      connectionState: 'disconnected',
    },
    'reconnecting',
  ],
  [
    'failed',
    {
      step: 'completing',
      signalingState: 'stable',
      iceConnectionState: 'failed',
      connectionState: 'failed',
    },
    'failed',
  ],
  [
    'hung up',
    {
      step: 'hung-up',
      signalingState: 'closed',
      iceConnectionState: 'closed',
      connectionState: 'closed',
    },
    'closed',
  ],
  ['hung up before any connection', { ...fresh, step: 'hung-up' }, 'closed'],
  [
    'channel call negotiating',
    { ...fresh, step: 'negotiating', signalingState: 'have-local-offer' },
    'connecting',
  ],
  [
    'restart offer out, transport down',
    {
      step: 'reconnect-offer-ready',
      signalingState: 'have-local-offer',
      iceConnectionState: 'disconnected',
      connectionState: 'disconnected',
    },
    'reconnecting',
  ],
  [
    'restart offer out, transport failed',
    {
      step: 'reconnect-offer-ready',
      signalingState: 'have-local-offer',
      iceConnectionState: 'failed',
      connectionState: 'failed',
    },
    'reconnecting',
  ],
  [
    'transport failed, restarts under way over a signaling channel',
    {
      step: 'negotiating',
      signalingState: 'stable',
      iceConnectionState: 'failed',
      connectionState: 'failed',
      recovering: true,
    },
    'reconnecting',
  ],
  [
    'transport failed, nothing can carry a restart',
    {
      step: 'negotiating',
      signalingState: 'stable',
      iceConnectionState: 'failed',
      connectionState: 'failed',
      recovering: false,
    },
    'failed',
  ],
]

describe('derivePhase', () => {
  it.each(table)('%s', (_name, input, phase) => {
    expect(derivePhase(input)).toBe(phase)
  })
})

const at = (phase: CallPhase, step: CallStep, extra: Partial<PeerSessionState> = {}) => ({
  ...INITIAL_SESSION_STATE,
  phase,
  step,
  ...extra,
})

describe('callActions', () => {
  it('lets the caller start and complete, the callee answer, and both hang up mid-call', () => {
    expect(callActions(at('idle', 'idle'), 'caller')).toMatchObject({
      createOffer: true,
      createAnswer: false,
      completeConnection: false,
      hangUp: false,
      chooseRole: true,
      reconnect: false,
      startCall: false,
    })
    expect(callActions(at('idle', 'idle'), 'callee').createAnswer).toBe(true)
    expect(callActions(at('awaiting-answer', 'offer-ready'), 'caller')).toMatchObject({
      createOffer: false,
      completeConnection: true,
      hangUp: true,
      chooseRole: false,
    })
    expect(callActions(at('connected', 'answer-ready'), 'callee')).toMatchObject({
      createAnswer: false,
      hangUp: true,
      chooseRole: false,
      shareScreen: false,
    })
    expect(callActions(at('closed', 'hung-up'), 'caller')).toMatchObject({
      createOffer: true,
      hangUp: false,
      reconnect: false,
    })
  })

  it('offers screen share only in a connected call with its data channel open', () => {
    expect(callActions(at('connected', 'completing', { inBand: true }), 'caller').shareScreen).toBe(
      true,
    )
    const sharing = callActions(
      at('connected', 'completing', { inBand: true, localScreen: {} as MediaStream }),
      'caller',
    )
    expect(sharing).toMatchObject({ shareScreen: false, stopSharing: true })
  })

  it('offers Reconnect, and answering a pasted restart offer, while a copy-paste call recovers', () => {
    const recovering = callActions(at('reconnecting', 'completing'), 'caller')
    expect(recovering).toMatchObject({
      reconnect: true,
      createAnswer: true,
      completeConnection: false,
    })
    expect(
      callActions(at('reconnecting', 'reconnect-offer-ready'), 'callee').completeConnection,
    ).toBe(true)
    expect(callActions(at('failed', 'answer-ready'), 'callee')).toMatchObject({
      reconnect: true,
      createAnswer: true,
    })
    expect(callActions(at('reconnecting', 'completing'), 'caller', 'channel').reconnect).toBe(false)
  })

  it('replaces the paste steps with Start call when a channel carries the signals', () => {
    const actions = callActions(at('idle', 'idle'), 'callee', 'channel')
    expect(actions).toMatchObject({ startCall: true, createOffer: false, createAnswer: false })
    expect(callActions(at('connecting', 'negotiating'), 'caller', 'channel').startCall).toBe(false)
  })
})

describe('countCandidates', () => {
  it('counts the candidates of an SDP by type', () => {
    const sdp = [
      'v=0',
      'a=candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host generation 0',
      'a=candidate:2 1 tcp 1518280447 10.0.0.2 9 typ host tcptype active',
      'a=candidate:3 1 udp 1686052607 203.0.113.7 50000 typ srflx raddr 10.0.0.2 rport 50000',
      'a=candidate:4 1 udp 41885439 198.51.100.9 3478 typ relay raddr 203.0.113.7 rport 50000',
      'm=video 9 UDP/TLS/RTP/SAVPF 96',
      // BUNDLE repeats the same candidates under every m-section: counted once.
      'a=candidate:1 1 udp 2122260223 10.0.0.2 50000 typ host generation 0',
      '',
    ].join('\r\n')
    expect(countCandidates(sdp)).toEqual({ host: 2, srflx: 1, prflx: 0, relay: 1 })
    expect(countCandidates('v=0\r\n')).toEqual({ host: 0, srflx: 0, prflx: 0, relay: 0 })
  })
})

describe('callView', () => {
  it.each([
    [{ phase: 'idle', step: 'idle' }, 'caller', 'copy-paste', 'lobby'],
    [{ phase: 'awaiting-answer', step: 'offer-ready' }, 'caller', 'copy-paste', 'lobby'],
    // The caller applied the answer: the call shows while it connects.
    [{ phase: 'connecting', step: 'offer-ready' }, 'caller', 'copy-paste', 'call'],
    // The callee's reply still has to reach the caller: it stays in the lobby until connected.
    [{ phase: 'connecting', step: 'answer-ready' }, 'callee', 'copy-paste', 'lobby'],
    [{ phase: 'connecting', step: 'negotiating' }, 'callee', 'channel', 'call'],
    [{ phase: 'connected', step: 'answer-ready' }, 'callee', 'copy-paste', 'call'],
    [{ phase: 'reconnecting', step: 'reconnect-offer-ready' }, 'caller', 'copy-paste', 'call'],
    [{ phase: 'failed', step: 'offer-ready' }, 'caller', 'copy-paste', 'call'],
    [{ phase: 'failed', step: 'idle' }, 'caller', 'copy-paste', 'lobby'],
    [{ phase: 'closed', step: 'hung-up' }, 'caller', 'copy-paste', 'ended'],
  ] as const)('%o as %s over %s → %s', (state, role, mode, view) => {
    expect(callView(state, role, mode)).toBe(view)
  })
})

describe('the call life cycle', () => {
  it('is over before the first call and after a hang-up', () => {
    expect(isCallOver('idle')).toBe(true)
    expect(isCallOver('hung-up')).toBe(true)
    expect(isCallOver('negotiating')).toBe(false)
  })

  it('lets a new call start when nothing is under way, or what was failed or closed', () => {
    expect(canStartCall({ step: 'idle', phase: 'idle' })).toBe(true)
    expect(canStartCall({ step: 'hung-up', phase: 'closed' })).toBe(true)
    expect(canStartCall({ step: 'negotiating', phase: 'failed' })).toBe(true)
    expect(canStartCall({ step: 'negotiating', phase: 'closed' })).toBe(true)
    expect(canStartCall({ step: 'offer-ready', phase: 'awaiting-answer' })).toBe(false)
    expect(canStartCall({ step: 'negotiating', phase: 'reconnecting' })).toBe(false)
  })

  it('has ended after a hang-up on either side or a closed connection, not after a failure', () => {
    expect(hasCallEnded({ step: 'hung-up', phase: 'closed' })).toBe(true)
    expect(hasCallEnded({ step: 'negotiating', phase: 'closed' })).toBe(true)
    expect(hasCallEnded({ step: 'negotiating', phase: 'failed' })).toBe(false)
    expect(hasCallEnded({ step: 'idle', phase: 'idle' })).toBe(false)
  })

  it('can be hung up while anything is under way, a failed call included, and not once ended', () => {
    expect(canHangUp({ step: 'idle', phase: 'idle' })).toBe(false)
    expect(canHangUp({ step: 'acquiring-media', phase: 'acquiring-media' })).toBe(true)
    expect(canHangUp({ step: 'offer-ready', phase: 'awaiting-answer' })).toBe(true)
    expect(canHangUp({ step: 'negotiating', phase: 'failed' })).toBe(true)
    expect(canHangUp({ step: 'hung-up', phase: 'closed' })).toBe(false)
  })

  it('is the one definition the call UI reads: its ended view and its Hang up agree with it', () => {
    const steps: CallStep[] = ['idle', 'acquiring-media', 'offer-ready', 'negotiating', 'hung-up']
    const phases: CallPhase[] = ['idle', 'connecting', 'connected', 'failed', 'closed']
    for (const step of steps) {
      for (const phase of phases) {
        const state = { step, phase, inBand: false, localScreen: null }
        expect(callView(state, 'caller') === 'ended').toBe(hasCallEnded(state))
        expect(callActions(state, 'caller').hangUp).toBe(canHangUp(state))
        expect(callActions(state, 'caller').createOffer).toBe(canStartCall(state))
      }
    }
  })
})
