import { describe, expect, it } from 'vitest'
import { chooseSignalPath, isTransportUp } from '../../src/core/session/signalPath'

describe('given the paths a message could take', () => {
  it.each([
    // dataChannelOpen, transportUp, signalingOpen → path
    [true, true, true, 'data-channel'],
    [true, true, false, 'data-channel'],
    // The data channel says open over a dead transport: a restart offer must not go there.
    [true, false, true, 'signaling'],
    [false, false, true, 'signaling'],
    // Nothing better: the data channel may still get through once the transport heals.
    [true, false, false, 'data-channel'],
    [false, false, false, null],
    [false, true, false, null],
  ] as const)('open %s, transport up %s, signaling %s → %s', (dc, up, signaling, expected) => {
    expect(
      chooseSignalPath({ dataChannelOpen: dc, transportUp: up, signalingOpen: signaling }),
    ).toBe(expected)
  })

  it('counts only connected and completed as a transport that is up', () => {
    const states: RTCIceConnectionState[] = [
      'new',
      'checking',
      'connected',
      'completed',
      'disconnected',
      'failed',
      'closed',
    ]
    expect(states.filter(isTransportUp)).toEqual(['connected', 'completed'])
  })
})
