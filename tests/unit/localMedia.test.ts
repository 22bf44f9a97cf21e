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

describe('given a device switch whose replaceTrack fails', () => {
  it('keeps the old device in use, stops the new one, and says what went wrong', async () => {
    const fakeTrack = (kind: string, deviceId: string) => ({
      kind,
      enabled: true,
      stop: vi.fn(),
      getSettings: () => ({ deviceId }),
    })
    const oldMic = fakeTrack('audio', 'mic-1')
    const newMic = fakeTrack('audio', 'mic-2')
    const streamOf = (tracks: ReturnType<typeof fakeTrack>[]) => ({
      getTracks: () => tracks,
      getAudioTracks: () => tracks.filter((t) => t.kind === 'audio'),
      getVideoTracks: () => tracks.filter((t) => t.kind === 'video'),
      removeTrack: vi.fn(),
      addTrack: vi.fn(),
    })
    const first = streamOf([oldMic])
    let calls = 0
    vi.stubGlobal('navigator', {
      mediaDevices: { getUserMedia: async () => (calls++ === 0 ? first : streamOf([newMic])) },
    })
    const media = createLocalMedia({ constraints: { audio: true } })
    await media.start()
    await media.switchDevice('audio', 'mic-2', () => Promise.reject(new Error('sender closed')))
    expect(newMic.stop).toHaveBeenCalledOnce()
    expect(oldMic.stop).not.toHaveBeenCalled()
    expect(first.removeTrack).not.toHaveBeenCalled()
    expect(media.getState().stream).toBe(first)
    expect(media.getState().error?.hint.length).toBeGreaterThan(10)
  })
})
