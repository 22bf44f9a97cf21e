import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLocalMedia } from '../../src/core/localMedia'

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('given a page without camera access', () => {
  it('says an insecure page needs https or localhost', async () => {
    vi.stubGlobal('navigator', {})
    vi.stubGlobal('isSecureContext', false)
    const media = createLocalMedia()
    await expect(media.start()).resolves.toBeNull()
    expect(media.getState().error?.code).toBe('ERR_INSECURE_CONTEXT')
    expect(media.getState().error?.hint).toMatch(/https:\/\/ or on localhost/)
  })

  it('says no device was found when a secure page has no mediaDevices', async () => {
    vi.stubGlobal('navigator', {})
    vi.stubGlobal('isSecureContext', true)
    const media = createLocalMedia()
    await media.start()
    expect(media.getState().error?.code).toBe('ERR_MEDIA_NOT_FOUND')
  })
})

describe('given a prompt answered after dispose', () => {
  it('stops the late tracks and stays idle', async () => {
    let grant: (stream: MediaStream) => void = () => {}
    const track = { kind: 'video', stop: vi.fn() }
    const stream = { getTracks: () => [track] } as unknown as MediaStream
    vi.stubGlobal('navigator', {
      mediaDevices: {
        getUserMedia: () => new Promise<MediaStream>((resolve) => (grant = resolve)),
      },
    })
    const media = createLocalMedia()
    const started = media.start()
    expect(media.getState().status).toBe('acquiring')
    media.dispose()
    grant(stream)
    await expect(started).resolves.toBeNull()
    expect(track.stop).toHaveBeenCalledOnce()
    expect(media.getState().status).toBe('idle')
    await expect(media.start()).resolves.toBeNull()
  })
})
