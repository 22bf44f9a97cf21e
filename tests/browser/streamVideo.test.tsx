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

/** Counts what `video` is given as its `srcObject`: each is a load (a blank moment on screen). */
function countAssignments(video: HTMLVideoElement) {
  const native = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject')
  const given: unknown[] = []
  Object.defineProperty(video, 'srcObject', {
    get: () => native?.get?.call(video) as unknown,
    set: (value: unknown) => {
      given.push(value)
      native?.set?.call(video, value)
    },
  })
  return given
}

describe('given a stream', () => {
  it('is given the stream once, in StrictMode too (a double mount does not blank the picture)', async () => {
    const stream = await camera()
    const counter: { given: unknown[] | null } = { given: null }
    const { container } = render(
      <StrictMode>
        <StreamVideo
          stream={stream}
          muted
          aria-label="Camera"
          ref={(video) => {
            if (video && !counter.given) counter.given = countAssignments(video)
          }}
        />
      </StrictMode>,
    )
    const video = container.querySelector('video') as HTMLVideoElement
    await waitFor(() => expect(video.videoWidth).toBeGreaterThan(0))
    expect(video.srcObject).toBe(stream)
    // Mounted, unmounted and mounted again by StrictMode: given the stream once, never cleared.
    expect(counter.given).toEqual([stream])
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
    // Still held right after (no player teardown in the commit that switches views)…
    expect(video.srcObject).toBe(second)
    // …out of the page: it keeps the stream only until the page is idle (no player teardown while
    // a call connects), then lets go of it.
    expect(video.isConnected).toBe(false)
    await waitFor(() => expect(video.srcObject).toBeNull(), { timeout: 3000 })
  })
})
