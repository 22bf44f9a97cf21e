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

/** The Connection state panel, in Details (opened as a person would). */
async function statePanel(canvas: ReturnType<typeof within>) {
  // The lobby gives way to the call stage as the call connects: open Details in whichever is shown.
  return waitFor(
    async () => {
      const toggle = canvas.getByRole('button', { name: 'Details' })
      if (toggle.getAttribute('aria-expanded') !== 'true') await userEvent.click(toggle)
      return canvas.getByRole('status', { name: 'Connection state' })
    },
    { timeout: 5_000 },
  )
}

/** Waits until the side's state panel says `line`. */
async function until(side: HTMLElement, line: string) {
  const panel = await statePanel(within(side))
  await waitFor(() => expect(panel).toHaveTextContent(line), { timeout: 15_000 })
}

const meta = {
  title: 'VideoCall',
  component: VideoCall,
  args: { iceServers: [] },
} satisfies Meta<typeof VideoCall>
export default meta
type Story = StoryObj<typeof meta>

/**
 * The lobby, as a new user first sees it: the camera preview (Start camera), the microphone and
 * camera buttons, and step 1 of 2 with its one action, Create offer.
 */
export const Lobby: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('radio', { name: 'Caller' })).toBeChecked()
    await expect(canvas.getByRole('button', { name: 'Create offer' })).toBeEnabled()
    await expect(canvas.getByRole('button', { name: 'Start camera' })).toBeEnabled()
    // Not shown rather than disabled.
    await expect(canvas.queryByRole('button', { name: 'Complete connection' })).toBeNull()
    await expect(canvas.queryByRole('button', { name: 'Hang up' })).toBeNull()
    await expect(await statePanel(canvas)).toHaveTextContent('signaling: stable')
  },
}

/** Waiting for the reply: the invite is ready to send (Copy, Copy link, Show QR code); step 2 is next. */
export const Waiting: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await createOffer(canvas)
    await expect(canvas.getByRole('button', { name: 'Copy' })).toBeEnabled()
    await expect(canvas.getByRole('button', { name: 'Copy link' })).toBeEnabled()
    await expect(canvas.getByRole('button', { name: 'Complete connection' })).toBeDisabled()
    await expect(await statePanel(canvas)).toHaveTextContent('phase: awaiting-answer')
  },
}

/** A bad paste: a clear alert at the field, and the offer stays. */
export const BadPaste: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await createOffer(canvas)
    await userEvent.type(canvas.getByRole('textbox', { name: 'Remote signal' }), 'hello')
    await userEvent.click(canvas.getByRole('button', { name: 'Complete connection' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This is not a call signal.')
    await expect(canvas.getByRole('textbox', { name: 'Remote signal' })).toHaveAttribute(
      'aria-invalid',
      'true',
    )
    await expect(await statePanel(canvas)).toHaveTextContent('phase: awaiting-answer')
  },
}

/** No camera permission: one clear alert with Try again, and the offer is still made. */
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
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled()
  },
}

function Loopback({ height = '420px' }: { height?: string }) {
  const [[callerEnd, calleeEnd]] = useState(createMemoryChannelPair)
  return (
    <div
      style={{
        display: 'grid',
        gap: '1rem',
        gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
        padding: '1rem',
        ['--rpc-call-height' as string]: height,
      }}
    >
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

/** Create offer on the caller's side; both sides are then in a real call (a wire, no paste). */
async function loopbackCall(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  const [caller, callee] = canvas.getAllByRole('region', { name: /^Video call, / })
  if (!caller || !callee) throw new Error('two calls expected')
  await userEvent.click(within(caller).getByRole('button', { name: 'Create offer' }))
  for (const side of [caller, callee]) {
    const video = await within(side).findByLabelText('Remote video', {}, { timeout: 15_000 })
    await waitFor(() => expect((video as HTMLVideoElement).videoWidth).toBeGreaterThan(0), {
      timeout: 10_000,
    })
  }
  return { caller, callee }
}

/**
 * In the call: two calls on one page, their signals carried by an in-memory channel. Click Create
 * offer on the left and watch a real call connect: the other person fills the call area, your own
 * picture is the small self view, the control bar floats at the bottom.
 */
export const LoopbackCall: Story = {
  name: 'Loopback (in call)',
  render: () => <Loopback />,
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    const { caller, callee } = await loopbackCall(canvasElement)
    for (const side of [caller, callee]) {
      await expect(within(side).getByRole('group', { name: 'Call controls' })).toBeVisible()
      // The whole call view, with the picture (it stands still until its first frame is shown).
      await waitFor(() => expect(side.querySelector('textarea')).toBeNull())
      await expect(within(side).getByRole('button', { name: 'Mute microphone' })).toBeVisible()
      await until(side, 'connection: connected')
    }
  },
}

/** After the other person hung up: Call ended, and Call again. */
export const Ended: Story = {
  render: () => <Loopback />,
  parameters: { layout: 'fullscreen' },
  play: async ({ canvasElement }) => {
    const { caller, callee } = await loopbackCall(canvasElement)
    await userEvent.click(within(callee).getByRole('button', { name: 'Hang up' }))
    await expect(
      await within(caller).findByRole('heading', { name: 'Call ended' }, { timeout: 5_000 }),
    ).toBeVisible()
    await expect(caller).toHaveTextContent('The other person hung up.')
    await expect(within(caller).getByRole('button', { name: 'Call again' })).toBeEnabled()
  },
}

/** A phone's screen (390×844): the call fits, the control bar in view; the other side below it. */
export const Phone: Story = {
  render: () => (
    <div
      data-testid="phone"
      style={{ width: 390, height: 844, overflow: 'hidden', border: '1px solid #888' }}
    >
      <Loopback height="calc(844px - 2rem)" />
    </div>
  ),
  parameters: { layout: 'centered' },
  play: async ({ canvasElement }) => {
    const { caller } = await loopbackCall(canvasElement)
    const frame = within(canvasElement).getByTestId('phone').getBoundingClientRect()
    const bar = within(caller).getByRole('group', { name: 'Call controls' }).getBoundingClientRect()
    await expect(bar.bottom).toBeLessThanOrEqual(frame.bottom)
    await expect(bar.left).toBeGreaterThanOrEqual(frame.left)
    await expect(bar.right).toBeLessThanOrEqual(frame.right)
  },
}

function SameBrowserPair() {
  const [room] = useState(randomId)
  return (
    <div
      style={{
        display: 'grid',
        gap: '1rem',
        gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
        ['--rpc-call-height' as string]: '420px',
      }}
    >
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
    for (const side of [left, right]) await until(side, 'connection: connected')
    await waitFor(() =>
      expect(within(left).getByRole('button', { name: 'Share screen' })).toBeEnabled(),
    )
    await userEvent.click(within(right).getByRole('button', { name: 'Hang up' }))
    await waitFor(() => expect(left).toHaveTextContent('The other person hung up.'))
  },
}
