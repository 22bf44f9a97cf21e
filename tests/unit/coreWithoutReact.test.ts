import { describe, expect, it, vi } from 'vitest'

// If anything in src/core imported React, loading it would throw here.
vi.mock('react', () => {
  throw new Error('src/core must not import react')
})
vi.mock('react-dom', () => {
  throw new Error('src/core must not import react-dom')
})

describe('given React is unavailable', () => {
  it('loads every core module', async () => {
    // Every file under src/core, subfolders included.
    const modules = import.meta.glob('../../src/core/**/*.ts')
    expect(Object.keys(modules).length).toBeGreaterThanOrEqual(7)
    for (const load of Object.values(modules)) await expect(load()).resolves.toBeTruthy()
    // Transforming every core module cold, beside the browser projects, can take a few seconds.
  }, 30_000)

  it('creates a session and media in Node without touching the browser', async () => {
    const { createPeerSession } = await import('../../src/core/peerSession')
    const session = createPeerSession()
    expect(session.getState().phase).toBe('idle')
    session.dispose()
  })
})
