import type { Meta, StoryObj } from '@storybook/react-vite'
import { useState } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { randomId, VideoCall, VideoCallLayout } from '../src'
import { LoopbackWire } from './support/LoopbackWire'
import { createMemoryChannelPair } from './support/memoryChannel'

/** Clicks Create offer and waits until the offer is in Local signal. */
async function createOffer(canvas: ReturnType<typeof within>) {
  await userEvent.click(canvas.getByRole('button', { name: 'Create offer' }))
  await waitFor(
    () => expect(canvas.getByRole('textbox', { name: 'Local signal' })).not.toHaveValue(''),
    { timeout: 10_000 },
  )
}

const meta = {
  title: 'VideoCall',
  component: VideoCall,
  args: { iceServers: [] },
} satisfies Meta<typeof VideoCall>
export default meta
type Story = StoryObj<typeof meta>

/** The drop-in call as a new user first sees it: nothing started, the camera off. */
export const Idle: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('radio', { name: 'Caller' })).toBeChecked()
    await expect(canvas.getByRole('button', { name: 'Create offer' })).toBeEnabled()
    await expect(canvas.getByRole('button', { name: 'Complete connection' })).toBeDisabled()
    await expect(canvas.getByRole('status', { name: 'Connection state' })).toHaveTextContent(
      'signaling: stable',
    )
  },
}

/** After Create offer: the camera is on and the offer is ready to copy. */
export const OfferReady: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await createOffer(canvas)
    await expect(canvas.getByRole('status', { name: 'Connection state' })).toHaveTextContent(
      'phase: awaiting-answer',
    )
    await expect(canvas.getByRole('button', { name: 'Copy' })).toBeEnabled()
  },
}

/** A bad paste: a clear alert, and the offer stays. */
export const BadPaste: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await createOffer(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Remote signal' }), 'hello')
    await userEvent.click(canvas.getByRole('button', { name: 'Complete connection' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This is not a call signal.')
    await expect(canvas.getByRole('status', { name: 'Connection state' })).toHaveTextContent(
      'phase: awaiting-answer',
    )
  },
}

/** No camera permission: a clear alert, a receive-only notice, and the offer is still made. */
export const ReceiveOnly: Story = {
  beforeEach: () => {
    const devices = navigator.mediaDevices
    const original = devices.getUserMedia
    devices.getUserMedia = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
    return () => {
      devices.getUserMedia = original
    }
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await createOffer(canvas)
    await expect(canvas.getByRole('alert')).toHaveTextContent(
      'Camera and microphone permission was denied.',
    )
    await expect(canvas.getByText(/^Receive-only/)).toBeVisible()
  },
}

function Loopback() {
  const [[callerEnd, calleeEnd]] = useState(createMemoryChannelPair)
  return (
    <div style={{ display: 'grid', gap: '2rem', gridTemplateColumns: '1fr 1fr' }}>
      <VideoCall iceServers={[]}>
        <LoopbackWire channel={callerEnd} role="caller" />
        <VideoCallLayout defaultRole="caller" aria-label="Video call, caller" />
      </VideoCall>
      <VideoCall iceServers={[]}>
        <LoopbackWire channel={calleeEnd} role="callee" />
        <VideoCallLayout defaultRole="callee" aria-label="Video call, callee" />
      </VideoCall>
    </div>
  )
}

/**
 * Two calls on one page, their signals carried by an in-memory channel: click Create offer on the
 * left and watch a real call connect with no copy-paste.
 */
export const LoopbackCall: Story = {
  name: 'Loopback',
  render: () => <Loopback />,
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const [caller, callee] = canvas.getAllByRole('region', { name: /^Video call, / })
    if (!caller || !callee) throw new Error('two calls expected')
    await userEvent.click(within(caller).getByRole('button', { name: 'Create offer' }))
    for (const side of [caller, callee]) {
      await waitFor(
        () =>
          expect(within(side).getByRole('status', { name: 'Connection state' })).toHaveTextContent(
            'connection: connected',
          ),
        { timeout: 15_000 },
      )
      const video = within(side).getByLabelText('Remote video') as HTMLVideoElement
      await waitFor(() => expect(video.videoWidth).toBeGreaterThan(0), { timeout: 10_000 })
    }
  },
}

function SameBrowserPair() {
  const [room] = useState(randomId)
  return (
    <div style={{ display: 'grid', gap: '2rem', gridTemplateColumns: '1fr 1fr' }}>
      <VideoCall
        iceServers={[]}
        defaultSignaling="same-browser"
        defaultRoom={room}
        aria-label="Video call, first tab"
      />
      <VideoCall
        iceServers={[]}
        defaultSignaling="same-browser"
        defaultRoom={room}
        aria-label="Video call, second tab"
      />
    </div>
  )
}

/**
 * Two calls in one room over the browser's own BroadcastChannel: one click on Start call, no paste;
 * after connecting, Share screen and Hang up travel over the call's data channel.
 */
export const SameBrowser: Story = {
  render: () => <SameBrowserPair />,
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const [left, right] = canvas.getAllByRole('region', { name: /^Video call, / })
    if (!left || !right) throw new Error('two calls expected')
    for (const side of [left, right]) {
      await waitFor(() => expect(side).toHaveTextContent('Ready: open the same room'), {
        timeout: 5_000,
      })
    }
    await userEvent.click(within(left).getByRole('button', { name: 'Start call' }))
    for (const side of [left, right]) {
      await waitFor(
        () =>
          expect(within(side).getByRole('status', { name: 'Connection state' })).toHaveTextContent(
            'connection: connected',
          ),
        { timeout: 15_000 },
      )
    }
    await waitFor(() =>
      expect(within(left).getByRole('button', { name: 'Share screen' })).toBeEnabled(),
    )
    await userEvent.click(within(right).getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(left).toHaveTextContent('The other person hung up.'))
  },
}
