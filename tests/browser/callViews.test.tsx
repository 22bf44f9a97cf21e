import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { preloadVideoCall, VideoCall } from '../../src'
import { resetCallViews, type CallViews } from '../../src/prefabs/loadCallViews'
import { calls, connectByPaste, expectPlayingVideo, type CallUi } from './helpers'
import '../../src/styles.css'

// <VideoCall /> paints its shell and the camera preview at once, and loads the rest of its views
// (one chunk) as it mounts. This file starts without that chunk (the setup preloads it for the
// other files); its views render here for the first time.

const CHUNK_FAILED = 'The part of the page that makes calls could not be loaded.'

describe('given the call views not loaded yet', () => {
  it('shows the preview with the card busy in its place, then the card; a chunk that fails says so, and Try again loads it', async () => {
    // The first load fails (offline, or a deploy replaced the file); the next one works.
    let loads = 0
    const importViews = () => import('../../src/prefabs/callViews')
    resetCallViews((): Promise<CallViews> => {
      loads++
      return loads === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: callViews'))
        : importViews()
    })
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    // At once: the call, its preview and bar, and the card holding its place.
    expect(a.localVideo()).toBeTruthy()
    expect(within(a.region).getByRole('group', { name: 'Call controls' })).toBeTruthy()
    const busy = a.region.querySelector('.rpc-lobby__card[aria-busy="true"]')
    expect(busy).not.toBeNull()
    expect(a.queryButton('Create offer')).toBeNull()

    // The load fails: the card says what happened and what to do.
    const alert = await within(a.region).findByRole('alert', {}, { timeout: 5000 })
    expect(alert.textContent).toContain(CHUNK_FAILED)
    expect(alert.getAttribute('data-code')).toBe('ERR_CALL_MODULE')
    expect(a.localVideo()).toBeTruthy()

    // Try again loads it: the lobby's steps are there.
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(a.queryButton('Create offer')).not.toBeNull(), { timeout: 5000 })
    expect(loads).toBe(2)
    expect(a.region.querySelector('[aria-busy="true"]')).toBeNull()
    expect(a.alerts()).toHaveLength(0)
  })

  it('makes a call once they are there, loading them once for two calls on the page', async () => {
    let loads = 0
    resetCallViews(() => {
      loads++
      return import('../../src/prefabs/callViews')
    })
    render(
      <>
        <VideoCall iceServers={[]} />
        <VideoCall iceServers={[]} />
      </>,
    )
    const [a, b] = calls() as [CallUi, CallUi]
    await waitFor(() => expect(b.queryButton('Create offer')).not.toBeNull(), { timeout: 5000 })
    await connectByPaste(a, b)
    await expectPlayingVideo(a.remoteVideo())
    await expectPlayingVideo(b.remoteVideo())
    // preloadVideoCall() after that finds them loaded.
    await preloadVideoCall()
    expect(loads).toBe(1)
  })
})
