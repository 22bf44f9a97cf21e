import { describe, expect, it } from 'vitest'
import { redact } from '../../src/core/debugReport'
import { FIXTURES } from '../shared/compactSignalCases'

describe('redact', () => {
  it.each(Object.entries(FIXTURES))(
    'takes every ICE password and address out of a real %s SDP, and nothing else',
    (_name, fixture) => {
      for (const kind of ['offer', 'answer'] as const) {
        const sdp = fixture[kind].sdp.sdp
        const out = redact(sdp)
        expect(sdp).toMatch(/\d+\.\d+\.\d+\.\d+/)
        expect(out).not.toMatch(/\b\d{1,3}(\.\d{1,3}){3}\b/)
        expect(out).not.toMatch(/a=ice-pwd:(?!\[redacted\])/)
        expect(out).toContain('a=ice-pwd:[redacted]')
        // What a reader needs to match the two sides stays.
        expect(out).toContain(/a=fingerprint:[^\r]+/.exec(sdp)?.[0])
        expect(out).toContain(/a=ice-ufrag:[^\r]+/.exec(sdp)?.[0])
        expect(out.split('\r\n')).toHaveLength(sdp.split('\r\n').length)
      }
    },
  )

  it('takes IPv6 and mDNS addresses out of candidates and stats, and leaves times alone', () => {
    const text = [
      'a=candidate:1 1 udp 2122262783 2001:db8::1 50000 typ host generation 0',
      'a=candidate:2 1 udp 1686052607 fe80::1%eth0 50001 typ srflx raddr 2001:db8::2 rport 9',
      'a=candidate:3 1 udp 2122260223 4b2c6a1e-8a4d-4f6a-9c1e-0a1b2c3d4e5f.local 9 typ host',
      'c=IN IP6 2001:db8::3',
      '{"address": "2001:db8::4", "ip": "10.0.0.1", "credential": "secret", "at": "04:40:12"}',
    ].join('\n')
    const out = redact(text)
    expect(out).not.toMatch(/2001:db8|fe80|\.local|10\.0\.0\.1|secret/)
    expect(out).toContain('"at": "04:40:12"')
    expect(out).toContain('"credential": "[redacted]"')
  })
})
