import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { describe, expect, it } from 'vitest'
import { createLocalMedia, LocalVideo, useLocalMedia, VideoCall } from '../../src'
import {
  calls,
  connectByPaste,
  expectPlayingVideo,
  trackMediaTracks,
  trackPeerConnections,
  waitForAlert,
  waitForLine,
  waitForSignal,
  type CallUi,
  renderCallerAndCallee,
} from './helpers'

function track(replacement?: Parameters<typeof trackMediaTracks>[0]) {
  const media = trackMediaTracks(replacement)
  return media
}

describe('given getUserMedia fails', () => {
  it.each([
    ['NotAllowedError', 'ERR_MEDIA_PERMISSION_DENIED', /allow them in the address bar/i],
    ['NotFoundError', 'ERR_MEDIA_NOT_FOUND', /connect one/i],
    ['NotReadableError', 'ERR_MEDIA_IN_USE', /close the other app/i],
    ['OverconstrainedError', 'ERR_MEDIA_CONSTRAINTS', /lower resolution/i],
  ])('maps %s to %s with a hint', async (name, code, hint) => {
    track(() => Promise.reject(new DOMException('refused', name)))
    const media = createLocalMedia()
    await expect(media.start()).resolves.toBeNull()
    const { status, error } = media.getState()
    expect(status).toBe('receive-only')
    expect(error?.code).toBe(code)
    expect(error?.hint).toMatch(hint)
  })

  it('keeps the microphone when only the camera is busy', async () => {
    const media = track(async (constraints) => {
      if (constraints?.video) throw new DOMException('busy', 'NotReadableError')
      return media.original(constraints)
    })
    const local = createLocalMedia()
    const stream = await local.start()
    expect(stream?.getTracks().map((t) => t.kind)).toEqual(['audio'])
    local.dispose()
    expect(media.live()).toHaveLength(0)
  })

  it('still completes the call receive-only, with a notice and an alert that says what to do', async () => {
    let first = true
    const media = track((constraints) => {
      if (first) {
        first = false
        return Promise.reject(new DOMException('denied', 'NotAllowedError'))
      }
      return media.original(constraints)
    })
    const [a, b] = renderCallerAndCallee()
    const { offer } = await connectByPaste(a, b)
    // A receive-only offer is a template signal too.
    expect(offer).toMatch(/^p2p2\.offer\./)
    // The caller was told why it is receive-only, and what to do.
    await waitForAlert(a, 'Camera and microphone permission was denied.')
    expect(a.region.textContent).toContain('Receive-only')
    // The receive-only caller sees and hears the callee.
    await expectPlayingVideo(a.remoteVideo())
    expect(a.localVideo().srcObject).toBeNull()
  })
})

describe('given a callee without a camera', () => {
  it('answers receive-only with a template signal, and sees the caller', async () => {
    let calls_ = 0
    const media = track((constraints) => {
      // The caller's camera starts; the callee's (the second prompt) is denied.
      calls_++
      if (calls_ === 2) return Promise.reject(new DOMException('denied', 'NotAllowedError'))
      return media.original(constraints)
    })
    const [a, b] = renderCallerAndCallee()
    const { answer } = await connectByPaste(a, b)
    expect(answer).toMatch(/^p2p2\.answer\./)
    expect(answer.length).toBeLessThan(220)
    await waitForAlert(b, 'Camera and microphone permission was denied.')
    await expectPlayingVideo(b.remoteVideo())
    expect(b.localVideo().srcObject).toBeNull()
  })
})

describe('given an unmount while the camera prompt is still open', () => {
  it('stops the tracks when they arrive', async () => {
    const media = track(async (constraints) => {
      await new Promise((resolve) => setTimeout(resolve, 300))
      return media.original(constraints)
    })
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Create offer'))
    await waitForLine(a, 'phase: acquiring-media')
    cleanup()
    await waitFor(() => expect(media.tracks.length).toBeGreaterThan(0), { timeout: 3000 })
    expect(media.live()).toHaveLength(0)
  })
})

describe('given StrictMode double mounts', () => {
  it('leaves exactly one live connection after Create offer', async () => {
    const pcs = trackPeerConnections()
    const media = track()
    render(
      <StrictMode>
        <VideoCall iceServers={[]} />
      </StrictMode>,
    )
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Create offer'))
    await waitForSignal(a)
    expect(pcs.created).toHaveLength(1)
    expect(pcs.live()).toHaveLength(1)
    expect(media.live()).toHaveLength(2)
    cleanup()
    expect(pcs.live()).toHaveLength(0)
    expect(media.live()).toHaveLength(0)
  })

  it('leaves one live camera when media starts on mount', async () => {
    const media = track()
    function Preview() {
      const { stream } = useLocalMedia({ autoStart: true })
      return <LocalVideo stream={stream} />
    }
    render(
      <StrictMode>
        <Preview />
      </StrictMode>,
    )
    await expectPlayingVideo(screen.getByLabelText('Local video') as HTMLVideoElement)
    // The discarded first mount never opens the camera: one prompt, one live audio+video pair.
    expect(media.tracks).toHaveLength(2)
    expect(media.live()).toHaveLength(2)
    act(() => cleanup())
    expect(media.live()).toHaveLength(0)
  })
})
