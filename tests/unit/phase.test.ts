import { describe, expect, it } from 'vitest'
import { callActions } from '../../src/core/callActions'
import { derivePhase, type CallPhase, type PhaseInput } from '../../src/core/phase'

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
]

describe('derivePhase', () => {
  it.each(table)('%s', (_name, input, phase) => {
    expect(derivePhase(input)).toBe(phase)
  })
})

describe('callActions', () => {
  it('lets the caller start and complete, the callee answer, and both hang up mid-call', () => {
    expect(callActions('idle', 'caller')).toEqual({
      createOffer: true,
      createAnswer: false,
      completeConnection: false,
      hangUp: false,
      chooseRole: true,
    })
    expect(callActions('idle', 'callee').createAnswer).toBe(true)
    expect(callActions('awaiting-answer', 'caller')).toEqual({
      createOffer: false,
      createAnswer: false,
      completeConnection: true,
      hangUp: true,
      chooseRole: false,
    })
    expect(callActions('connected', 'callee')).toMatchObject({
      createAnswer: false,
      hangUp: true,
      chooseRole: false,
    })
    expect(callActions('closed', 'caller')).toMatchObject({
      createOffer: true,
      hangUp: false,
      chooseRole: true,
    })
    expect(callActions('failed', 'caller')).toMatchObject({ createOffer: true, hangUp: true })
  })
})
