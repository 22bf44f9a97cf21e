import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ComposedCall } from '../../demo/examples/ComposedCall'
import {
  callUi,
  connectByPaste,
  expectPlayingVideo,
  trackMediaTracks,
  waitForLine,
} from './helpers'

describe('given a layout composed from the hooks and components (the README example)', () => {
  it('makes the same call, and hang-up turns the camera off', async () => {
    const media = trackMediaTracks()
    render(
      <>
        <ComposedCall role="caller" />
        <ComposedCall role="callee" />
      </>,
    )
    const a = callUi(screen.getByRole('region', { name: 'My caller call' }))
    const b = callUi(screen.getByRole('region', { name: 'My callee call' }))
    await connectByPaste(a, b)
    await expectPlayingVideo(a.remoteVideo())
    await expectPlayingVideo(b.remoteVideo())
    fireEvent.click(a.button('Hang up'))
    fireEvent.click(b.button('Hang up'))
    await waitForLine(a, 'phase: closed')
    expect(media.live()).toHaveLength(0)
  })
})
