import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sendingMids } from '../../src/core/sdpSending'

// Which of an answer's sections bring media: the caller shows those tracks while it applies it.

const section = (kind: string, mid: string, direction?: string, port = 9) =>
  [
    `m=${kind} ${port} UDP/TLS/RTP/SAVPF 96`,
    'c=IN IP4 0.0.0.0',
    `a=mid:${mid}`,
    ...(direction ? [`a=${direction}`] : []),
    'a=rtcp-mux',
  ].join('\r\n')
const sdp = (...sections: string[]) =>
  ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0', ...sections, ''].join('\r\n')

describe('given an answer', () => {
  it('lists the audio and video sections its author sends on, in order', () => {
    expect(
      sendingMids(
        sdp(
          section('audio', '0', 'sendrecv'),
          section('video', '1', 'sendonly'),
          section('application', '2'),
        ),
      ),
    ).toEqual(['0', '1'])
  })

  it('treats a section without a direction as sendrecv', () => {
    expect(sendingMids(sdp(section('video', 'v')))).toEqual(['v'])
  })

  it('leaves out receive-only, inactive and rejected sections (a side without a camera)', () => {
    expect(
      sendingMids(
        sdp(
          section('audio', '0', 'recvonly'),
          section('video', '1', 'inactive'),
          section('video', '2', 'sendrecv', 0),
          section('audio', '3', 'sendrecv'),
        ),
      ),
    ).toEqual(['3'])
  })

  it('reads LF-only SDP and sections without a mid give nothing', () => {
    const lf = sdp(section('audio', 'a', 'sendrecv')).replace(/\r\n/g, '\n')
    expect(sendingMids(lf)).toEqual(['a'])
    expect(sendingMids(sdp('m=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=sendrecv'))).toEqual([])
    expect(sendingMids('')).toEqual([])
  })

  it('reads the captured answers of Chromium and Firefox: a camera and a microphone, or nothing from a receive-only side', () => {
    const answer = (name: string) => {
      const fixture = JSON.parse(
        readFileSync(new URL(`../fixtures/sdp/${name}.json`, import.meta.url), 'utf8'),
      ) as { answer: { sdp: { sdp: string } } }
      return fixture.answer.sdp.sdp
    }
    for (const name of [
      'chromium-kit',
      'firefox-kit',
      'chromium-firefox-kit',
      'firefox-chromium-kit',
    ]) {
      expect(sendingMids(answer(name)), name).toHaveLength(2)
    }
    // A receive-only callee sends nothing: the caller shows its placeholder, not an empty video.
    for (const name of ['chromium-kit-recvonly', 'firefox-kit-recvonly']) {
      expect(sendingMids(answer(name)), name).toEqual([])
    }
  })
})
