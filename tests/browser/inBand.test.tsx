import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { VideoCall } from '../../src'
import {
  callUi,
  connectByPaste,
  expectPlayingVideo,
  trackMediaTracks,
  waitForLine,
  type CallUi,
  defer,
} from './helpers'

/** Records the screen tracks getDisplayMedia hands out. */
function trackScreens() {
  const devices = navigator.mediaDevices
  const original = devices.getDisplayMedia.bind(devices)
  const tracks: MediaStreamTrack[] = []
  devices.getDisplayMedia = async (options?: DisplayMediaStreamOptions) => {
    const stream = await original(options)
    tracks.push(...stream.getTracks())
    return stream
  }
  defer(() => (devices.getDisplayMedia = original))
  return tracks
}

const remoteScreen = (call: CallUi) =>
  call.region.querySelector<HTMLVideoElement>('video[aria-label="Remote screen"]')

async function twoConnectedCalls() {
  // Named apart: a real click finds its button by a locator made from the element, and two
  // connected calls of the same name read alike (the same security code, the same states).
  render(
    <>
      <VideoCall iceServers={[]} aria-label="Tab A" />
      <VideoCall iceServers={[]} aria-label="Tab B" />
    </>,
  )
  const [a, b] = ['Tab A', 'Tab B'].map((name) => callUi(screen.getByRole('region', { name }))) as [
    CallUi,
    CallUi,
  ]
  const signals = await connectByPaste(a, b)
  // The data channel opens right after: from now on nothing is pasted.
  await waitFor(() => expect(a.button('Share screen')).toHaveProperty('disabled', false))
  await waitFor(() => expect(b.button('Share screen')).toHaveProperty('disabled', false))
  return { a, b, signals }
}

describe('given a call connected by one paste each way', () => {
  it('shares screens both ways and stops them, from our button and the browser’s, with no paste', async () => {
    const screens = trackScreens()
    const { a, b, signals } = await twoConnectedCalls()
    // The first exchange in template signals; the renegotiations below travel in band, full SDP.
    expect(signals.offer).toMatch(/^p2p2\.offer\./)
    expect(signals.answer).toMatch(/^p2p2\.answer\./)

    await userEvent.click(a.button('Share screen'))
    await waitFor(() => expect(remoteScreen(b)).not.toBeNull(), { timeout: 10_000 })
    await expectPlayingVideo(remoteScreen(b) as HTMLVideoElement)

    await userEvent.click(b.button('Share screen'))
    await waitFor(() => expect(remoteScreen(a)).not.toBeNull(), { timeout: 10_000 })
    await expectPlayingVideo(remoteScreen(a) as HTMLVideoElement)
    expect(remoteScreen(b)).not.toBeNull()

    // Stopped with our button: gone on the other side, and the capture has ended.
    await userEvent.click(a.button('Stop sharing'))
    await waitFor(() => expect(remoteScreen(b)).toBeNull(), { timeout: 5_000 })
    expect(screens[0]?.readyState).toBe('ended')

    // Stopped with the browser's own "Stop sharing" control, which ends the track.
    const bTrack = screens[1] as MediaStreamTrack
    bTrack.stop()
    bTrack.dispatchEvent(new Event('ended'))
    await waitFor(() => expect(remoteScreen(a)).toBeNull(), { timeout: 5_000 })
    expect(b.button('Share screen')).toBeTruthy()

    // Sharing again works on the same connection.
    await userEvent.click(a.button('Share screen'))
    await waitFor(() => expect(remoteScreen(b)).not.toBeNull(), { timeout: 10_000 })
    await expectPlayingVideo(remoteScreen(b) as HTMLVideoElement)

    // Zero pastes after the first exchange: no signal box came back during the call.
    expect(signals.offer).not.toBe('')
    for (const call of [a, b]) expect(call.region.querySelector('textarea')).toBeNull()
    await waitForLine(a, 'phase: connected')
  })

  it('shows the other side a remote hang-up within a second and releases its camera', async () => {
    const media = trackMediaTracks()
    const { a, b } = await twoConnectedCalls()
    await expectPlayingVideo(b.remoteVideo())
    expect(media.live()).toHaveLength(4)

    await userEvent.click(a.button('Hang up'))
    await waitFor(() => expect(b.region.textContent).toContain('The other person hung up.'), {
      timeout: 1_000,
    })
    expect(b.statePanel().textContent).toContain('phase: closed')
    await waitFor(() => expect(media.live()).toHaveLength(0), { timeout: 1_000 })
    // B sees "Call ended": no video left, its badges gone with it, and it can call again.
    expect(b.region.querySelectorAll('video')).toHaveLength(0)
    expect(b.region.textContent).not.toMatch(/Their (microphone|camera)/)
    fireEvent.click(b.button('Call again'))
    expect(b.remoteSignal().value).toBe('')
  })
})
