// The compact codec's cases, run twice: by Node's CompressionStream (unit) and by Chromium's
// (browser), on real SDPs captured from Chromium and Firefox (scripts/capture-sdp.mjs).
import { describe, expect, it } from 'vitest'
import {
  compactSignalId,
  encodeCompactSignal,
  readCompactHeader,
} from '../../src/core/compactSignal'
import { decodeSignal, encodeSignal, type SignalBundle } from '../../src/core/signalCodec'
import chromium from '../fixtures/sdp/chromium.json'
import firefox from '../fixtures/sdp/firefox.json'

interface Fixture {
  userAgent: string
  offer: SignalBundle
  answer: SignalBundle
  tutorialChars: { offer: number; answer: number }
}

export const FIXTURES = { chromium, firefox } as unknown as Record<string, Fixture>

// The deflate format (`p2p1`), which the kit writes when no template reproduces an SDP.
const encodeDeflated = (bundle: SignalBundle, answers?: number | null) =>
  encodeCompactSignal(bundle, answers, { version: 1 })

const codeOf = async (text: string, expected?: 'offer' | 'answer') => {
  const result = await decodeSignal(text, expected)
  return result.ok ? 'ok' : result.error.code
}

export function compactSignalCases(): void {
  describe.each(Object.entries(FIXTURES))(
    'the deflate format (p2p1) of a real %s description',
    (_name, fixture) => {
      it.each(['offer', 'answer'] as const)('round-trips the %s exactly', async (kind) => {
        const bundle = fixture[kind]
        const text = await encodeDeflated(bundle, kind === 'answer' ? 7 : null)
        expect(text.startsWith(`p2p1.${kind}.`)).toBe(true)
        const result = await decodeSignal(text, kind)
        expect(result.ok).toBe(true)
        if (!result.ok) return
        // Byte for byte: not one character of the SDP changes.
        expect(result.signal.sdp.sdp).toBe(bundle.sdp.sdp)
        expect(result.signal.sdp.type).toBe(kind)
        expect(result.header?.id).toBe(compactSignalId(bundle))
        expect(result.header?.answers).toBe(kind === 'answer' ? 7 : null)
      })

      it('is at most a quarter of the tutorial bundle of the same description', async () => {
        for (const kind of ['offer', 'answer'] as const) {
          const text = await encodeDeflated(fixture[kind])
          expect(text.length * 4).toBeLessThanOrEqual(fixture.tutorialChars[kind])
        }
      })

      it('says a cut-off copy is truncated, wherever it was cut', async () => {
        const text = await encodeDeflated(fixture.offer)
        for (const keep of [
          12,
          20,
          Math.floor(text.length / 3),
          text.length - 40,
          text.length - 3,
        ]) {
          expect(await codeOf(text.slice(0, keep))).toMatch(/^ERR_SIGNAL_(TRUNCATED|CHANGED)$/)
        }
        // A cut inside the body (not the last few characters) is always caught as a truncation.
        expect(await codeOf(text.slice(0, Math.floor(text.length / 2)))).toBe(
          'ERR_SIGNAL_TRUNCATED',
        )
      })

      it('never yields a different SDP from a changed character', async () => {
        const text = await encodeDeflated(fixture.offer)
        let refused = 0
        for (let at = 12; at < text.length; at += 7) {
          const swapped = text[at] === 'A' ? 'B' : 'A'
          const result = await decodeSignal(text.slice(0, at) + swapped + text.slice(at + 1))
          if (!result.ok) {
            expect(result.error.code).toMatch(/^ERR_SIGNAL_(CHANGED|TRUNCATED|CORRUPT|SHAPE)$/)
            refused++
          } else {
            // Only bits deflate ignores (the padding of its last byte) can change without an error,
            // and then the SDP is the original, byte for byte.
            expect(result.signal.sdp.sdp).toBe(fixture.offer.sdp.sdp)
          }
        }
        expect(refused).toBeGreaterThan(Math.floor((text.length - 12) / 7) - 2)
      })
    },
  )

  describe('decode errors (p2p1)', () => {
    const { offer, answer } = FIXTURES.chromium as Fixture

    it('says an answer is not an offer, and the other way round, from the prefix alone', async () => {
      expect(await codeOf(await encodeDeflated(answer, 1), 'offer')).toBe('ERR_SIGNAL_NOT_OFFER')
      expect(await codeOf(await encodeDeflated(offer), 'answer')).toBe('ERR_SIGNAL_NOT_ANSWER')
      expect(readCompactHeader(await encodeDeflated(answer, 1))?.kind).toBe('answer')
    })

    it('says a newer version is newer', async () => {
      const text = (await encodeDeflated(offer)).replace(/^p2p1\./, 'p2p3.')
      expect(await codeOf(text)).toBe('ERR_SIGNAL_VERSION')
    })

    it('says text with characters outside the format was changed', async () => {
      const text = await encodeDeflated(offer)
      expect(await codeOf(`${text.slice(0, 40)}*${text.slice(41)}`)).toBe('ERR_SIGNAL_CHANGED')
    })

    it('accepts a signal that a chat app wrapped over lines', async () => {
      const text = await encodeDeflated(offer)
      const wrapped = text.replace(/(.{60})/g, '$1\n  ')
      expect(await codeOf(wrapped, 'offer')).toBe('ok')
    })

    it('keeps a signal with candidates outside its SDP, and a non-ASCII SDP, exactly', async () => {
      const extra = {
        candidate: 'candidate:9 1 udp 1 10.0.0.9 9 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      }
      const withExtra = { ...offer, candidates: [extra] }
      const decoded = await decodeSignal(await encodeDeflated(withExtra))
      expect(decoded.ok && decoded.signal.candidates).toEqual([extra])

      const named = offer.sdp.sdp.replace('s=-', 's=Ünïcødé 通话')
      const unicode = { sdp: { type: 'offer' as const, sdp: named }, candidates: [] }
      const back = await decodeSignal(await encodeDeflated(unicode))
      expect(back.ok && back.signal.sdp.sdp).toBe(named)
    })

    it('gives the same id to an offer whether it travelled as JSON or compact', async () => {
      const viaJson = await decodeSignal(encodeSignal(offer))
      const viaCompact = await decodeSignal(await encodeDeflated(offer))
      expect(viaJson.ok && viaCompact.ok).toBe(true)
      if (!viaJson.ok || !viaCompact.ok) return
      expect(compactSignalId(viaJson.signal)).toBe(compactSignalId(viaCompact.signal))
      expect(viaCompact.header?.id).toBe(compactSignalId(viaJson.signal))
    })
  })
}
