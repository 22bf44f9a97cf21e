import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import { StrictMode } from 'react'
import { beforeEach, describe, expect, it } from 'vitest'
import { VideoCall } from '../../src'
import {
  calls,
  connectByPaste,
  expectPlayingVideo,
  trackMediaTracks,
  trackPeerConnections,
  waitForLine,
} from './helpers'

let pcs: ReturnType<typeof trackPeerConnections>
let media: ReturnType<typeof trackMediaTracks>

beforeEach(() => {
  pcs = trackPeerConnections()
  media = trackMediaTracks()
})

function TwoTabs() {
  return (
    <StrictMode>
      <VideoCall iceServers={[]} />
      <VideoCall iceServers={[]} />
    </StrictMode>
  )
}

describe('given two VideoCalls on one page, as two tabs would be', () => {
  it('completes a copy-paste call with video both ways, hangs up cleanly, and redials', async () => {
    render(<TwoTabs />)
    const [a, b] = calls()
    if (!a || !b) throw new Error('two calls expected')

    await connectByPaste(a, b)
    expect(a.statePanel().textContent).toContain('phase: connected')
    await expectPlayingVideo(a.remoteVideo())
    await expectPlayingVideo(b.remoteVideo())
    await expectPlayingVideo(a.localVideo())
    expect(pcs.live()).toHaveLength(2)
    expect(a.alerts()).toHaveLength(0)

    // Hang up on both sides: connections closed, every acquired track ended, videos cleared.
    fireEvent.click(a.button('Hang up'))
    fireEvent.click(b.button('Hang up'))
    await waitForLine(a, 'phase: closed')
    await waitForLine(b, 'phase: closed')
    // The caller's connection closes once its goodbye has left the data channel (at most 500 ms).
    await waitFor(() => expect(pcs.live()).toHaveLength(0), { timeout: 1000 })
    expect(media.tracks.length).toBeGreaterThanOrEqual(4)
    expect(media.live()).toHaveLength(0)
    // What each tab shows now: "Call ended" and Call again; no video, no signal left over.
    expect(a.queryButton('Call again')).not.toBeNull()
    expect(a.region.querySelectorAll('video')).toHaveLength(0)
    expect(a.region.querySelector('textarea')).toBeNull()

    // Redial without a reload: the same UI starts a second call on fresh connections.
    await connectByPaste(a, b)
    await expectPlayingVideo(b.remoteVideo())
    expect(pcs.live()).toHaveLength(2)
    expect(pcs.created).toHaveLength(4)

    // Unmount mid-call: nothing stays open or live.
    cleanup()
    await waitFor(() => expect(media.live()).toHaveLength(0))
    expect(pcs.live()).toHaveLength(0)
  })
})
