import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { preloadVideoCall, VideoCall } from '../../src'
import { resetCallViews, type CallViews } from '../../src/prefabs/loadCallViews'
import { calls, connectByPaste, expectPlayingVideo, type CallUi } from './helpers'
import '../../src/styles.css'

// <VideoCall /> renders its lobby at once (the preview and the way into a call), and loads what
// comes later (the call stage, the ended card, Details, the device menus and the level meter: one
// chunk) as it mounts. This file starts without that chunk (the setup preloads it for the other
// files); its views render here for the first time.

const CHUNK_FAILED = 'The part of the page that makes calls could not be loaded.'

describe('given the call views not loaded yet', () => {
  it('shows the lobby at once; a chunk that fails says so in Details, and Try again loads it', async () => {
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
    // At once, before any chunk: the preview, the bar, and the way in.
    expect(a.localVideo()).toBeTruthy()
    expect(within(a.region).getByRole('group', { name: 'Call controls' })).toBeTruthy()
    expect(a.queryButton('Create offer')).not.toBeNull()
    expect(a.remoteSignal()).toBeTruthy()
    await waitFor(() => expect(loads).toBe(1))

    // Details could not load: opening it says what happened and what to do; the lobby is unharmed.
    fireEvent.click(within(a.region).getByRole('button', { name: 'Details' }))
    const alert = await within(a.region).findByRole('alert', {}, { timeout: 5000 })
    expect(alert.textContent).toContain(CHUNK_FAILED)
    expect(alert.getAttribute('data-code')).toBe('ERR_CALL_MODULE')
    expect(a.queryButton('Create offer')).not.toBeNull()

    // Try again loads it: Details is there, with its state panel.
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    const panel = await within(a.region).findByRole(
      'complementary',
      { name: 'Details' },
      { timeout: 5000 },
    )
    expect(await within(panel).findByRole('status', { name: 'Connection state' })).toBeTruthy()
    expect(loads).toBe(2)
    expect(a.alerts()).toHaveLength(0)
  })

  it('makes a call with them, loading them once for two calls on the page', async () => {
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
    await connectByPaste(a, b)
    await expectPlayingVideo(a.remoteVideo())
    await expectPlayingVideo(b.remoteVideo())
    // preloadVideoCall() after that finds them loaded.
    await preloadVideoCall()
    expect(loads).toBe(1)
  })
})
