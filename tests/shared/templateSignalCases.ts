// The template signal's cases (p2p2), run twice: in Node (unit) and in Chromium (browser), on the
// SDPs captured from Chromium and Firefox here (scripts/capture-sdp.mjs) and Safari's from public
// sources (tests/fixtures/sdp/safari/SOURCES.md).
import { describe, expect, it } from 'vitest'
import {
  encodeCompactSignal,
  plainSignalText,
  qrSignalText,
  readCompactHeader,
} from '../../src/core/compactSignal'
import { normalizeMediaIds, remoteStreamId } from '../../src/core/sdpMediaIds'
import { decodeSignal, type SignalBundle, type SignalKind } from '../../src/core/signalCodec'
import { isLoopbackHost, signalFromLink, signalLink } from '../../src/core/signalLink'
import { TemplateDecodeError } from '../../src/core/template/byteStream'
import { decodeTemplateBody } from '../../src/core/template/templateCodec'
import { qrVersionOf, tutorialBundleOf, withCandidates } from '../fixtures/sdpDefaults'

interface Fixture {
  offer: SignalBundle
  answer: SignalBundle
  tutorialChars: { offer: number; answer: number }
}

const JSON_FIXTURES = import.meta.glob<Fixture>('../fixtures/sdp/*.json', {
  eager: true,
  import: 'default',
})
const SAFARI = import.meta.glob<string>('../fixtures/sdp/safari/*.sdp', {
  eager: true,
  query: '?raw',
  import: 'default',
})
const name = (path: string) => path.replace(/^.*\//, '')

/** Every captured description: [name, kind, bundle]. */
export const CAPTURED: [string, SignalKind, SignalBundle][] = [
  ...Object.entries(JSON_FIXTURES).flatMap(([path, fixture]) =>
    (['offer', 'answer'] as const).map(
      (kind) =>
        [`${name(path)} ${kind}`, kind, fixture[kind]] as [string, SignalKind, SignalBundle],
    ),
  ),
  ...Object.entries(SAFARI).map(
    ([path, sdp]) =>
      [name(path), 'offer', { sdp: { type: 'offer', sdp }, candidates: [] }] as [
        string,
        SignalKind,
        SignalBundle,
      ],
  ),
]

const chromiumKit = JSON_FIXTURES['../fixtures/sdp/chromium-kit.json'] as Fixture

const roundTrip = async (bundle: SignalBundle, kind: SignalKind) => {
  const text = await encodeCompactSignal(bundle, kind === 'answer' ? 7 : null)
  const result = await decodeSignal(text, kind)
  return { text, result }
}

export function templateSignalCases(): void {
  signalLinkCases()
  describe('the template signal (p2p2)', () => {
    it.each(CAPTURED)('reproduces %s exactly through its template', async (_name, kind, bundle) => {
      const { text, result } = await roundTrip(bundle, kind)
      expect(text.startsWith(`p2p2.${kind}.`)).toBe(true)
      expect(result.ok).toBe(true)
      if (!result.ok) return
      // The SDP as the other side applies it: only the media ids are shortened.
      expect(result.signal.sdp.sdp).toBe(normalizeMediaIds(bundle.sdp.sdp))
      expect(result.header?.answers).toBe(kind === 'answer' ? 7 : null)
      // Its QR form reads the same.
      const qr = await decodeSignal(qrSignalText(text), kind)
      expect(qr.ok && qr.signal.sdp.sdp).toBe(result.signal.sdp.sdp)
      expect(qrSignalText(text)).toMatch(/^P2P2\.(OFFER|ANSWER)\.[0-9A-Z$*+\-./:]+$/)
    })

    // The answer that completes a call is read at the Complete connection click: with the
    // templates' chunk there (the offer loaded it), reading waits for no turn of the task queue
    // (in Chromium an `import()` of a loaded chunk still does, and other work runs first).
    it('reads a signal without a turn of the task queue once the templates are loaded', async () => {
      const [, , answer] = CAPTURED.find(([, kind]) => kind === 'answer') ?? []
      if (!answer) throw new Error('no captured answer')
      const text = await encodeCompactSignal(answer, 42) // a text not read before
      let turned = false
      const channel = new MessageChannel()
      channel.port1.onmessage = () => (turned = true)
      channel.port2.postMessage(0)
      const result = await decodeSignal(text, 'answer')
      channel.port1.close()
      expect(result.ok).toBe(true)
      expect(turned).toBe(false)
    })

    it('is at most 250 characters for an offer and 200 for an answer with the defaults', async () => {
      const offer = await encodeCompactSignal(withCandidates('offer'))
      const answer = await encodeCompactSignal(withCandidates('answer'), 7)
      expect(offer.length).toBeLessThanOrEqual(250)
      expect(answer.length).toBeLessThanOrEqual(200)
      // The tutorial's bundle of the same offer is about 25 times longer.
      expect(offer.length * 25).toBeLessThanOrEqual(
        tutorialBundleOf(withCandidates('offer')).length,
      )
      // The offer's share link is a QR code of version 10 or lower at error correction M.
      const link = signalLink(offer, 'https://192.168.1.23:5173/')
      expect(link).toMatch(/^https:\/\/192\.168\.1\.23:5173\/#offer=P2P2\.OFFER\./)
      expect(qrVersionOf(link)).toBeLessThanOrEqual(10)
    })

    it('still uses a template when a browser writes a few lines differently', async () => {
      const { sdp } = chromiumKit.offer.sdp
      // Another codec order, one codec less, an extension more: a browser update.
      const changed = sdp
        .replace(/^(m=video \S+ \S+) 96 97 (.*)$/m, '$1 $2 96 97')
        .replace(/^a=rtpmap:45 AV1\/90000\r\n(a=(rtcp-fb|fmtp):45 .*\r\n)*/m, '')
        .replace(
          /^(a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid)$/m,
          '$1\r\na=extmap:15 urn:x-new',
        )
      expect(changed).not.toBe(sdp)
      const { text, result } = await roundTrip(
        { sdp: { type: 'offer', sdp: changed }, candidates: [] },
        'offer',
      )
      expect(text.startsWith('p2p2.offer.')).toBe(true)
      expect(result.ok && result.signal.sdp.sdp).toBe(normalizeMediaIds(changed))
      // The changed lines travel whole; the rest is still the template.
      const deflated = await encodeCompactSignal(
        { sdp: { type: 'offer', sdp: changed }, candidates: [] },
        null,
        { version: 1 },
      )
      expect(text.length * 2).toBeLessThan(deflated.length)
    })

    it('falls back to the deflate format, and says so by its prefix, when no template can', async () => {
      const { sdp } = chromiumKit.offer.sdp
      const cases = {
        'a name outside Latin-1': sdp.replace('s=-', 's=通话'),
        'mixed line endings': sdp.replace('\r\ns=-\r\n', '\ns=-\r\n'),
      }
      for (const changed of Object.values(cases)) {
        const { text, result } = await roundTrip(
          { sdp: { type: 'offer', sdp: changed }, candidates: [] },
          'offer',
        )
        expect(text.startsWith('p2p1.offer.')).toBe(true)
        expect(result.ok && result.signal.sdp.sdp).toBe(changed)
      }
      // Candidates the SDP lacks travel in the deflate format, exactly.
      const extra = {
        candidate: 'candidate:9 1 udp 1 10.0.0.9 9 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      }
      const text = await encodeCompactSignal({ ...chromiumKit.offer, candidates: [extra] })
      expect(text.startsWith('p2p1.')).toBe(true)
      const back = await decodeSignal(text)
      expect(back.ok && back.signal.candidates).toEqual([extra])
    })

    it('drops the candidates the SDP already has (Chromium adds ufrag to its events)', async () => {
      const text = await encodeCompactSignal(chromiumKit.offer)
      expect(chromiumKit.offer.candidates.length).toBeGreaterThan(0)
      expect(text.startsWith('p2p2.')).toBe(true)
    })

    it('says a cut-off copy is cut off, and a changed one changed', async () => {
      const { text } = await roundTrip(withCandidates('offer'), 'offer')
      for (const keep of [12, 20, Math.floor(text.length / 2), text.length - 10]) {
        const result = await decodeSignal(text.slice(0, keep))
        expect(result.ok ? 'ok' : result.error.code).toMatch(/^ERR_SIGNAL_(TRUNCATED|CHANGED)$/)
      }
      const result = await decodeSignal(text.slice(0, Math.floor(text.length / 2)))
      expect(result.ok ? 'ok' : result.error.code).toBe('ERR_SIGNAL_TRUNCATED')
      const newer = await decodeSignal(text.replace(/^p2p2\./, 'p2p3.'))
      expect(newer.ok ? 'ok' : newer.error.code).toBe('ERR_SIGNAL_VERSION')
    })
  })

  describe('the template decoder, fuzzed', () => {
    // A small, seeded generator: the same inputs on every run.
    let seed = 0x2545f491
    const random = () => {
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      return (seed >>> 0) / 0x100000000
    }
    const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const B43 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:'
    const pick = (alphabet: string) => alphabet[Math.floor(random() * alphabet.length)] ?? 'A'
    const KNOWN = /^ERR_SIGNAL_(TRUNCATED|CHANGED|CORRUPT|SHAPE|VERSION|NOT_OFFER|NOT_ANSWER)$/

    it('gives a clear error for random text, never throws, never hangs', async () => {
      for (let i = 0; i < 1500; i++) {
        const qr = i % 2 === 1
        const length = Math.floor(random() * 320)
        const payload = Array.from({ length }, () => pick(qr ? B43 : B64)).join('')
        const prefix = qr
          ? i % 4 === 1
            ? 'P2P2.OFFER.'
            : 'P2P2.ANSWER.'
          : i % 4 === 0
            ? 'p2p2.offer.'
            : 'p2p2.answer.'
        const result = await decodeSignal(prefix + payload)
        expect(result.ok ? 'ok' : result.error.code).toMatch(KNOWN)
      }
    })

    it('never yields another SDP from a mutated signal', async () => {
      const bundles = [withCandidates('offer'), withCandidates('answer'), chromiumKit.offer]
      for (const bundle of bundles) {
        const kind = bundle.sdp.type
        const text = await encodeCompactSignal(bundle, kind === 'answer' ? 7 : null)
        const original = normalizeMediaIds(bundle.sdp.sdp)
        const head = text.indexOf('.', 5) + 1
        const mutants: string[] = []
        for (let at = head; at < text.length; at++) {
          mutants.push(text.slice(0, at) + pick(B64) + text.slice(at + 1))
          mutants.push(text.slice(0, at) + text.slice(at + 1))
          if (at % 5 === 0) mutants.push(text.slice(0, at) + pick(B64) + text.slice(at))
        }
        for (const mutant of mutants) {
          const result = await decodeSignal(mutant)
          if (result.ok) expect(result.signal.sdp.sdp).toBe(original)
          else expect(result.error.code).toMatch(KNOWN)
        }
      }
    })

    it('reads random bodies as a string or a TemplateDecodeError, nothing else', () => {
      for (let i = 0; i < 3000; i++) {
        const body = Uint8Array.from({ length: Math.floor(random() * 200) }, () =>
          // Small template ids and counts, so the reader gets past the first fields.
          i % 3 === 0 ? Math.floor(random() * 4) : Math.floor(random() * 256),
        )
        try {
          expect(typeof decodeTemplateBody(0, body)).toBe('string')
        } catch (error) {
          expect(error).toBeInstanceOf(TemplateDecodeError)
        }
      }
    })
  })

  describe('media ids as the other side sees them', () => {
    it('shortens stream ids, track ids, CNAMEs and the session id, and nothing else', () => {
      for (const [, , bundle] of CAPTURED) {
        const { sdp } = bundle.sdp
        const normal = normalizeMediaIds(sdp)
        expect(normalizeMediaIds(normal)).toBe(normal)
        const before = sdp.split(/\r?\n/)
        const after = normal.split(/\r?\n/)
        expect(after).toHaveLength(before.length)
        before.forEach((line, i) => {
          if (!/^(o=|a=msid|a=ssrc:\d+ (msid|cname):)/.test(line)) expect(after[i]).toBe(line)
        })
      }
    })

    it('keeps two CNAMEs apart when one is already short, and names mid-less sections apart', () => {
      const sdp = [
        'v=0',
        'm=audio 9 UDP/TLS/RTP/SAVPF 111',
        'a=ssrc:1 cname:c0',
        'a=msid:x y',
        'm=video 9 UDP/TLS/RTP/SAVPF 96',
        'a=mid:0',
        'a=ssrc:2 cname:{some-uuid}',
        'a=msid:x z',
        '',
      ].join('\r\n')
      const normal = normalizeMediaIds(sdp)
      expect(normal).toContain('a=ssrc:1 cname:c0')
      expect(normal).toContain('a=ssrc:2 cname:c1')
      // The mid-less first section is named by its index, apart from the second's real mid "0".
      expect(normal).toMatch(/a=msid:s[0-9a-f]{8} t-0\r\n/)
      expect(normal).toMatch(/a=msid:s[0-9a-f]{8} t0\r\n/)
      expect(normalizeMediaIds(normal)).toBe(normal)
    })

    it('says a QR-form signal cut in the middle of a character group is cut off', async () => {
      const qr = qrSignalText(await encodeCompactSignal(withCandidates('offer')))
      for (const keep of [qr.length - 2, qr.length - 5, Math.floor(qr.length / 2)]) {
        const result = await decodeSignal(qr.slice(0, keep))
        expect(result.ok ? 'ok' : result.error.code).toBe('ERR_SIGNAL_TRUNCATED')
      }
    })

    it('names a stream by the id its sender announces', () => {
      const { sdp } = chromiumKit.offer.sdp
      const streamId = /^a=msid:(\S+) /m.exec(sdp)?.[1] ?? ''
      expect(normalizeMediaIds(sdp)).toContain(`a=msid:${remoteStreamId(streamId)} t0`)
      expect(readCompactHeader('p2p2.offer.AAAAAAAA')?.kind).toBe('offer')
    })
  })
}

export function signalLinkCases(): void {
  describe('a share link', () => {
    it('carries a template offer in its QR form, and gives back the text form', async () => {
      const offer = await encodeCompactSignal(withCandidates('offer'))
      const link = signalLink(offer, 'http://localhost:5173/#old')
      expect(link).toBe(`http://localhost:5173/#offer=${qrSignalText(offer)}`)
      expect(signalFromLink(link)).toBe(offer)
      expect(plainSignalText(qrSignalText(offer))).toBe(offer)
      // A deflate signal travels as it is.
      const deflated = await encodeCompactSignal(withCandidates('offer'), null, { version: 1 })
      expect(signalFromLink(signalLink(deflated, 'https://x.example/'))).toBe(deflated)
    })

    it('knows a link that opens only on this device', () => {
      for (const url of [
        'http://localhost:5173/',
        'https://127.0.0.1/',
        'http://[::1]:8080/',
        'http://app.localhost/',
      ])
        expect(isLoopbackHost(new URL(url).hostname)).toBe(true)
      for (const url of ['https://192.168.1.23:5173/', 'https://calls.example.org/'])
        expect(isLoopbackHost(new URL(url).hostname)).toBe(false)
    })
  })
}
