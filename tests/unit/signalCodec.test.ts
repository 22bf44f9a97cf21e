import { describe, expect, it } from 'vitest'
import {
  decodeSignal,
  encodeDescriptionSignal,
  encodeSignal,
  sdpWithCandidates,
  iceUfragOf,
  MAX_SIGNAL_CHARS,
} from '../../src/core/signalCodec'
import { bundle, bundle as fullBundle, EXTRA, sampleSdp } from './fixtures'

const withSdp = (sdp: string) => JSON.stringify({ sdp: { type: 'offer', sdp } })

const codeOf = async (text: string, expected?: 'offer' | 'answer') => {
  const result = await decodeSignal(text, expected)
  return result.ok ? 'ok' : result.error.code
}

describe('given a signal in the tutorial format', () => {
  it('round-trips compact JSON and drops candidates the SDP already holds', async () => {
    const result = await decodeSignal(encodeSignal(bundle()), 'offer')
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.signal.sdp).toEqual(bundle().sdp)
    expect(result.signal.candidates.map((c) => c.candidate)).toEqual([EXTRA])
  })

  it('reads the same text the same way every time, whatever a caller did with its result', async () => {
    const text = encodeSignal(bundle())
    const first = await decodeSignal(text, 'offer')
    if (!first.ok) throw new Error(first.error.code)
    first.signal.candidates.length = 0
    first.signal.sdp.sdp = 'changed'
    const again = await decodeSignal(text, 'offer')
    if (!again.ok) throw new Error(again.error.code)
    expect(again.signal.sdp).toEqual(bundle().sdp)
    expect(again.signal.candidates.map((c) => c.candidate)).toEqual([EXTRA])
    // The other kind is still refused for the same text.
    expect(await codeOf(text, 'answer')).not.toBe('ok')
  })

  it('accepts it pretty-printed, with surrounding whitespace', async () => {
    expect(await codeOf(`\n  ${JSON.stringify(bundle(), null, 2)}  \n`, 'offer')).toBe('ok')
  })

  it('accepts it without a candidates array, and a bare {type, sdp}', async () => {
    expect(await codeOf(JSON.stringify({ sdp: bundle().sdp }), 'offer')).toBe('ok')
    expect(await codeOf(JSON.stringify(bundle().sdp), 'offer')).toBe('ok')
  })

  it('accepts an SDP with LF line endings (some chat apps rewrite CRLF)', async () => {
    const sdp = sampleSdp().replace(/\r\n/g, '\n')
    expect(await codeOf(JSON.stringify({ sdp: { type: 'offer', sdp } }))).toBe('ok')
  })
})

describe('given bad input', () => {
  it.each([
    ['empty', '', 'ERR_SIGNAL_EMPTY'],
    ['whitespace', '  \n\t ', 'ERR_SIGNAL_EMPTY'],
    ['plain text', 'hello, here is my offer', 'ERR_SIGNAL_NOT_JSON'],
    ['markup', '<img src=x onerror="alert(1)">', 'ERR_SIGNAL_NOT_JSON'],
    ['broken JSON that closes', '{"sdp": nope}', 'ERR_SIGNAL_NOT_JSON'],
    ['a JSON array', '[1, 2]', 'ERR_SIGNAL_NOT_JSON'],
    ['JSON without sdp', '{"hello": "world"}', 'ERR_SIGNAL_SHAPE'],
    [
      'a wrong type',
      JSON.stringify({ sdp: { type: 'pranswer', sdp: sampleSdp() } }),
      'ERR_SIGNAL_SHAPE',
    ],
    ['sdp not a string', '{"sdp": {"type": "offer", "sdp": 42}}', 'ERR_SIGNAL_SHAPE'],
    [
      'candidates not an array',
      JSON.stringify({ ...bundle(), candidates: 'x' }),
      'ERR_SIGNAL_SHAPE',
    ],
    [
      'a malformed candidate',
      JSON.stringify({ ...bundle(), candidates: [{ candidate: 1 }] }),
      'ERR_SIGNAL_SHAPE',
    ],
    [
      'an SDP without fingerprint',
      JSON.stringify({
        sdp: { type: 'offer', sdp: sampleSdp().replace(/a=fingerprint[^\r]*\r\n/, '') },
      }),
      'ERR_SIGNAL_CORRUPT',
    ],
    [
      'a fingerprint of the wrong length',
      withSdp(sampleSdp().replace(/(sha-256 )[0-9A-F:]+/, '$1AB:CD')),
      'ERR_SIGNAL_CORRUPT',
    ],
    [
      'an unknown fingerprint hash',
      withSdp(sampleSdp().replace('sha-256', 'md5')),
      'ERR_SIGNAL_CORRUPT',
    ],
    [
      'an ICE password too short',
      withSdp(sampleSdp().replace(/a=ice-pwd:\w+/g, 'a=ice-pwd:short')),
      'ERR_SIGNAL_CORRUPT',
    ],
    ['an ICE ufrag too short', withSdp(sampleSdp('ab')), 'ERR_SIGNAL_CORRUPT'],
    ['an ICE ufrag with a quote', withSdp(sampleSdp('ab"cd')), 'ERR_SIGNAL_CORRUPT'],
    [
      'an SDP that is not one',
      JSON.stringify({ sdp: { type: 'offer', sdp: 'hello' } }),
      'ERR_SIGNAL_CORRUPT',
    ],
  ])('refuses %s with a typed error', async (_name, text, code) => {
    expect(await codeOf(text)).toBe(code)
  })

  it('says a cut-off paste is truncated, at any cut point', async () => {
    const full = encodeSignal(bundle())
    for (const cut of [1, 10, Math.floor(full.length / 2), full.length - 1]) {
      expect(await codeOf(full.slice(0, cut))).toBe('ERR_SIGNAL_TRUNCATED')
    }
  })

  it('says an answer is not an offer, and the reverse', async () => {
    expect(await codeOf(encodeSignal(bundle('answer')), 'offer')).toBe('ERR_SIGNAL_NOT_OFFER')
    expect(await codeOf(encodeSignal(bundle('offer')), 'answer')).toBe('ERR_SIGNAL_NOT_ANSWER')
  })

  it('refuses input over the size cap before parsing it', async () => {
    const huge = `{"sdp": "${'x'.repeat(MAX_SIGNAL_CHARS)}"}`
    const started = performance.now()
    expect(await codeOf(huge)).toBe('ERR_SIGNAL_TOO_LARGE')
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('gives every error a message and a hint that says what to do', async () => {
    const result = await decodeSignal('nope')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.message.length).toBeGreaterThan(10)
    expect(result.error.hint).toMatch(/paste|copy/i)
  })
})

describe('iceUfragOf', () => {
  it('reads the first ice-ufrag', async () => {
    expect(iceUfragOf(sampleSdp('Zz9'))).toBe('Zz9')
    expect(iceUfragOf('v=0\r\n')).toBeUndefined()
  })
})

describe('withoutHostCandidates', () => {
  it('removes exactly the host candidate lines of real SDPs', async () => {
    const { withoutHostCandidates } = await import('../../src/core/peerSession')
    const { FIXTURES } = await import('../shared/compactSignalCases')
    for (const fixture of Object.values(FIXTURES)) {
      const sdp = fixture.offer.sdp.sdp
      const out = withoutHostCandidates(sdp)
      expect(sdp).toMatch(/ typ host/)
      expect(out).not.toMatch(/ typ host/)
      const removed = sdp.split('\r\n').length - out.split('\r\n').length
      expect(removed).toBe(sdp.split('\r\n').filter((l) => / typ host/.test(l)).length)
      expect(out).toContain('a=fingerprint:')
    }
  })
})

describe('given the bare description format', () => {
  const sdp = [
    'v=0',
    'o=- 1 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0 1',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'a=mid:0',
    'a=candidate:1 1 udp 2122260223 10.0.0.2 5000 typ host',
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    'a=mid:1',
    '',
  ].join('\r\n')
  const sparse = {
    sdp: { type: 'offer' as const, sdp },
    candidates: [
      // Already in the SDP: not written twice.
      { candidate: 'candidate:1 1 udp 2122260223 10.0.0.2 5000 typ host', sdpMLineIndex: 0 },
      { candidate: 'candidate:2 1 udp 1686052607 203.0.113.7 6000 typ srflx', sdpMid: '1' },
      { candidate: 'candidate:3 1 udp 41885439 198.51.100.9 7000 typ relay', sdpMLineIndex: 0 },
      { candidate: '', sdpMLineIndex: 0 },
    ],
  }

  it('writes each missing candidate at the end of its media section, once', () => {
    const lines = sdpWithCandidates(sparse).split('\r\n')
    expect(lines.filter((l) => l.startsWith('a=candidate:1 '))).toHaveLength(1)
    expect(lines.indexOf('a=candidate:3 1 udp 41885439 198.51.100.9 7000 typ relay')).toBe(
      lines.indexOf('m=video 9 UDP/TLS/RTP/SAVPF 96') - 1,
    )
    expect(lines.at(-2)).toBe('a=candidate:2 1 udp 1686052607 203.0.113.7 6000 typ srflx')
    expect(lines.at(-1)).toBe('')
  })

  it('is {"type","sdp"} and nothing else, and reads back as the same description', async () => {
    const text = encodeDescriptionSignal(fullBundle())
    expect(Object.keys(JSON.parse(text) as object).sort()).toEqual(['sdp', 'type'])
    const read = await decodeSignal(text, 'offer')
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.signal.sdp).toEqual({ type: 'offer', sdp: sdpWithCandidates(fullBundle()) })
    expect(read.signal.sdp.sdp).toContain(`a=${EXTRA}\r\n`)
    // Every candidate is inside the SDP now: none left to add separately.
    expect(read.signal.candidates).toEqual([])
  })
})
