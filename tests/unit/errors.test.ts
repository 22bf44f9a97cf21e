import { describe, expect, it } from 'vitest'
import {
  createP2PError,
  ERROR_TEXT,
  mediaErrorFrom,
  type P2PErrorCode,
} from '../../src/core/errors'

describe('mediaErrorFrom', () => {
  it.each([
    ['NotAllowedError', 'ERR_MEDIA_PERMISSION_DENIED'],
    ['SecurityError', 'ERR_MEDIA_PERMISSION_DENIED'],
    ['NotFoundError', 'ERR_MEDIA_NOT_FOUND'],
    ['NotReadableError', 'ERR_MEDIA_IN_USE'],
    ['OverconstrainedError', 'ERR_MEDIA_CONSTRAINTS'],
    ['TypeError', 'ERR_MEDIA'],
  ])('maps %s to %s', (name, code) => {
    const error = mediaErrorFrom(new DOMException('x', name))
    expect(error.code).toBe(code)
    expect(error.cause).toBeInstanceOf(DOMException)
  })

  it('tells a denied user how to allow the camera, or to go on receive-only', () => {
    expect(mediaErrorFrom(new DOMException('', 'NotAllowedError')).hint).toMatch(
      /address bar.*receive-only/,
    )
  })
})

describe('ERROR_TEXT', () => {
  it('has a message and a hint for every code', () => {
    for (const code of Object.keys(ERROR_TEXT) as P2PErrorCode[]) {
      const error = createP2PError(code)
      expect(error.message, code).toMatch(/\S.{8,}/)
      expect(error.hint, code).toMatch(/\S.{8,}/)
    }
  })
})
