import { describe, expect, it, vi } from 'vitest'
import { compactSignalCases } from '../shared/compactSignalCases'
import { templateSignalCases } from '../shared/templateSignalCases'

// Node's CompressionStream; the browser project runs the same cases in Chromium.
compactSignalCases()
templateSignalCases()

describe('given a browser without DecompressionStream', () => {
  it('says it cannot read compact signals, and what to ask for instead', async () => {
    const { encodeCompactSignal } = await import('../../src/core/compactSignal')
    const { decodeSignal } = await import('../../src/core/signalCodec')
    const { FIXTURES } = await import('../shared/compactSignalCases')
    const offer = (FIXTURES.chromium as NonNullable<typeof FIXTURES.chromium>).offer
    const text = await encodeCompactSignal(offer, null, { version: 1 })
    // A template signal needs no inflating: it reads anyway.
    const template = await encodeCompactSignal(offer)
    const original = globalThis.DecompressionStream
    vi.stubGlobal('DecompressionStream', undefined)
    try {
      const result = await decodeSignal(text)
      expect(result.ok ? 'ok' : result.error.code).toBe('ERR_SIGNAL_UNSUPPORTED')
      expect(result.ok ? '' : result.error.hint).toMatch(/Signal format: JSON/)
      expect((await decodeSignal(template)).ok).toBe(true)
    } finally {
      vi.stubGlobal('DecompressionStream', original)
    }
  })
})
