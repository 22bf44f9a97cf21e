import { describe, expect, it, vi } from 'vitest'
import { compactSignalCases } from '../shared/compactSignalCases'

// Node's CompressionStream; the browser project runs the same cases in Chromium.
compactSignalCases()

describe('given a browser without DecompressionStream', () => {
  it('says it cannot read compact signals, and what to ask for instead', async () => {
    const { encodeCompactSignal } = await import('../../src/core/compactSignal')
    const { decodeSignal } = await import('../../src/core/signalCodec')
    const { FIXTURES } = await import('../shared/compactSignalCases')
    const text = await encodeCompactSignal(
      (FIXTURES.chromium as NonNullable<typeof FIXTURES.chromium>).offer,
    )
    const original = globalThis.DecompressionStream
    vi.stubGlobal('DecompressionStream', undefined)
    try {
      const result = await decodeSignal(text)
      expect(result.ok ? 'ok' : result.error.code).toBe('ERR_SIGNAL_UNSUPPORTED')
      expect(result.ok ? '' : result.error.hint).toMatch(/Signal format: JSON/)
    } finally {
      vi.stubGlobal('DecompressionStream', original)
    }
  })
})
