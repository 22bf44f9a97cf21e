import { render, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { StreamVideo } from '../../src'
import { defer } from './helpers'

async function camera() {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true })
  defer(() => stream.getTracks().forEach((track) => track.stop()))
  return stream
}

/** Counts the times `video` (re)starts loading: each is a blank moment on screen. */
function countLoads(video: HTMLVideoElement) {
  let loads = 0
  video.addEventListener('loadstart', () => loads++)
  return () => loads
}

describe('given a stream', () => {
  it('loads it once, in StrictMode too (a double mount does not blank the picture)', async () => {
    const stream = await camera()
    const counter: { loads: (() => number) | null } = { loads: null }
    const { container } = render(
      <StrictMode>
        <StreamVideo
          stream={stream}
          muted
          aria-label="Camera"
          ref={(video) => {
            if (video && !counter.loads) counter.loads = countLoads(video)
          }}
        />
      </StrictMode>,
    )
    const video = container.querySelector('video') as HTMLVideoElement
    await waitFor(() => expect(video.videoWidth).toBeGreaterThan(0))
    expect(video.srcObject).toBe(stream)
    expect(counter.loads?.()).toBe(1)
  })

  it('replaces a changed stream at once, and lets go of its stream once unmounted and idle', async () => {
    const [first, second] = [await camera(), await camera()]
    const { container, rerender, unmount } = render(
      <StreamVideo stream={first} muted aria-label="Camera" />,
    )
    const video = container.querySelector('video') as HTMLVideoElement
    expect(video.srcObject).toBe(first)
    rerender(<StreamVideo stream={second} muted aria-label="Camera" />)
    expect(video.srcObject).toBe(second)
    unmount()
    // Out of the page: it keeps the stream only until the page is idle (no player teardown while
    // a call connects), then lets go of it.
    expect(video.isConnected).toBe(false)
    await waitFor(() => expect(video.srcObject).toBeNull(), { timeout: 3000 })
  })
})
