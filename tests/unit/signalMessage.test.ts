import { describe, expect, it } from 'vitest'
import { MAX_MESSAGE_CHARS, parseSignalMessage } from '../../src/core/signalMessage'
import { sampleSdp } from './fixtures'

const CANDIDATE = 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0'

describe('parseSignalMessage', () => {
  it('reads every message kind, as a string or an object', () => {
    const description = { type: 'description', description: { type: 'offer', sdp: sampleSdp() } }
    expect(parseSignalMessage(JSON.stringify(description))).toEqual(description)
    expect(
      parseSignalMessage({ type: 'candidate', candidate: { candidate: CANDIDATE, sdpMid: '0' } }),
    ).toEqual({
      type: 'candidate',
      candidate: { candidate: CANDIDATE, sdpMid: '0', sdpMLineIndex: null, usernameFragment: null },
    })
    expect(parseSignalMessage('{"type":"candidate","candidate":null}')).toEqual({
      type: 'candidate',
      candidate: null,
    })
    expect(parseSignalMessage('{"type":"screen","streamId":"abc"}')).toEqual({
      type: 'screen',
      streamId: 'abc',
    })
    expect(parseSignalMessage('{"type":"bye"}')).toEqual({ type: 'bye' })
  })

  it.each([
    ['not JSON', 'garbage'],
    ['JSON of another shape', '{"hello":1}'],
    ['an unknown type', '{"type":"launch-missiles"}'],
    [
      'a description of the wrong kind',
      JSON.stringify({ type: 'description', description: { type: 'pranswer', sdp: sampleSdp() } }),
    ],
    [
      'a damaged SDP',
      JSON.stringify({ type: 'description', description: { type: 'offer', sdp: 'v=0\r\nnope' } }),
    ],
    [
      'a fingerprint Chromium would half-apply',
      JSON.stringify({
        type: 'description',
        description: { type: 'answer', sdp: sampleSdp().replace(/(sha-256 )[0-9A-F:]+/, '$1AB') },
      }),
    ],
    ['a candidate that is not one', '{"type":"candidate","candidate":{"candidate":"rm -rf /"}}'],
    ['a screen id that is not a string', '{"type":"screen","streamId":42}'],
    ['an oversized message', `{"type":"bye","pad":"${'x'.repeat(MAX_MESSAGE_CHARS)}"}`],
    ['null', null],
  ])('drops %s', (_name, data) => {
    expect(parseSignalMessage(data)).toBeNull()
  })
})
