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

describe('given the compact codec chunk that cannot be loaded (offline after a redeploy)', () => {
  it('says a compact signal cannot be read, still reads JSON, and loads it again next time', async () => {
    const { FIXTURES } = await import('../shared/compactSignalCases')
    const offer = (FIXTURES.chromium as NonNullable<typeof FIXTURES.chromium>).offer
    const { encodeCompactSignal } = await import('../../src/core/compactSignal')
    const { encodeSignal } = await import('../../src/core/signalCodec')
    const compact = await encodeCompactSignal(offer)
    vi.resetModules()
    vi.doMock('../../src/core/compactSignal.js', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    try {
      const { decodeSignal } = await import('../../src/core/signalCodec')
      const result = await decodeSignal(compact)
      expect(result.ok ? 'ok' : result.error.code).toBe('ERR_SIGNAL_UNSUPPORTED')
      expect(result.ok ? '' : result.error.hint).toMatch(/Signal format: JSON/)
      expect((await decodeSignal(encodeSignal(offer))).ok).toBe(true)
      // Back online: the next paste loads the chunk and reads.
      vi.doUnmock('../../src/core/compactSignal.js')
      expect((await decodeSignal(compact)).ok).toBe(true)
    } finally {
      vi.doUnmock('../../src/core/compactSignal.js')
      vi.resetModules()
    }
  })

  it('writes the session’s signal as JSON, which always reads', async () => {
    const { FIXTURES } = await import('../shared/compactSignalCases')
    const offer = (FIXTURES.chromium as NonNullable<typeof FIXTURES.chromium>).offer
    vi.resetModules()
    vi.doMock('../../src/core/compactSignal.js', () => {
      throw new Error('Failed to fetch dynamically imported module')
    })
    try {
      const { createPasteExchange } = await import('../../src/core/session/pasteExchange')
      const paste = createPasteExchange()
      paste.warm()
      const text = await paste.encode(offer, 'compact')
      expect(text.startsWith('{')).toBe(true)
      expect(JSON.parse(text).sdp.type).toBe('offer')
    } finally {
      vi.doUnmock('../../src/core/compactSignal.js')
      vi.resetModules()
    }
  })
})
