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

describe('given a deflate chunk that cannot be loaded (offline after a redeploy)', () => {
  it('still writes template signals, says a deflate one cannot be read, and never throws', async () => {
    const { FIXTURES } = await import('../shared/compactSignalCases')
    const offer = (FIXTURES.chromium as NonNullable<typeof FIXTURES.chromium>).offer
    const { encodeCompactSignal } = await import('../../src/core/compactSignal')
    const deflated = await encodeCompactSignal(offer, null, { version: 1 })
    vi.resetModules()
    vi.doMock('../../src/core/deflateSignal.js', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    try {
      const offline = await import('../../src/core/compactSignal')
      const { decodeSignal } = await import('../../src/core/signalCodec')
      expect(await offline.encodeCompactSignal(offer)).toMatch(/^p2p2\.offer\./)
      const result = await decodeSignal(deflated)
      expect(result.ok ? 'ok' : result.error.code).toBe('ERR_SIGNAL_UNSUPPORTED')
      await expect(offline.encodeCompactSignal(offer, null, { version: 1 })).rejects.toThrow()
    } finally {
      vi.doUnmock('../../src/core/deflateSignal.js')
      vi.resetModules()
    }
  })
})
