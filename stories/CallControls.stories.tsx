import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import {
  callActions,
  CallControls,
  INITIAL_SESSION_STATE,
  type CallPhase,
  type CallStep,
} from '../src'

const at = (
  phase: CallPhase,
  step: CallStep,
  extra: Partial<typeof INITIAL_SESSION_STATE> = {},
) => ({
  ...INITIAL_SESSION_STATE,
  phase,
  step,
  ...extra,
})

const meta = {
  title: 'Components/CallControls',
  component: CallControls,
  args: {
    actions: callActions(at('idle', 'idle'), 'caller'),
    onCreateOffer: fn(),
    onCreateAnswer: fn(),
    onCompleteConnection: fn(),
    onHangUp: fn(),
    onStartCall: fn(),
    onReconnect: fn(),
    onShareScreen: fn(),
    onStopSharing: fn(),
  },
} satisfies Meta<typeof CallControls>
export default meta
type Story = StoryObj<typeof meta>

export const CallerIdle: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Create offer' }))
    await expect(args.onCreateOffer).toHaveBeenCalledOnce()
    await expect(canvas.getByRole('button', { name: 'Create answer' })).toBeDisabled()
    await expect(canvas.getByRole('button', { name: 'Hang up' })).toBeDisabled()
  },
}

export const CalleeIdle: Story = {
  args: { actions: callActions(at('idle', 'idle'), 'callee') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Create answer' }))
    await expect(args.onCreateAnswer).toHaveBeenCalledOnce()
    await expect(canvas.getByRole('button', { name: 'Create offer' })).toBeDisabled()
  },
}

export const AwaitingAnswer: Story = {
  args: { actions: callActions(at('awaiting-answer', 'offer-ready'), 'caller') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Complete connection' }))
    await expect(args.onCompleteConnection).toHaveBeenCalledOnce()
  },
}

export const InACall: Story = {
  args: { actions: callActions(at('connected', 'completing', { inBand: true }), 'caller') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Create offer' })).toBeDisabled()
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }))
    await expect(args.onHangUp).toHaveBeenCalledOnce()
  },
}

export const ConnectedCanShareScreen: Story = {
  args: { actions: callActions(at('connected', 'completing', { inBand: true }), 'caller') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Share screen' }))
    await expect(args.onShareScreen).toHaveBeenCalledOnce()
    await expect(canvas.queryByRole('button', { name: 'Reconnect' })).toBeNull()
  },
}

export const Sharing: Story = {
  args: {
    actions: callActions(
      at('connected', 'completing', { inBand: true, localScreen: new MediaStream() }),
      'caller',
    ),
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('button', { name: 'Share screen' })).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Stop sharing' }))
    await expect(args.onStopSharing).toHaveBeenCalledOnce()
  },
}

/** The transport is down with no channel: Reconnect makes an ICE-restart offer to paste. */
export const Recovering: Story = {
  args: { actions: callActions(at('reconnecting', 'completing', { inBand: true }), 'caller') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Reconnect' }))
    await expect(args.onReconnect).toHaveBeenCalledOnce()
    await expect(canvas.getByRole('button', { name: 'Create answer' })).toBeEnabled()
  },
}

/** With a signaling channel there is nothing to paste: one button starts the call. */
export const WithAChannel: Story = {
  args: { actions: callActions(at('idle', 'idle'), 'caller', 'channel'), mode: 'channel' },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.queryByRole('button', { name: 'Create offer' })).toBeNull()
    await userEvent.click(canvas.getByRole('button', { name: 'Start call' }))
    await expect(args.onStartCall).toHaveBeenCalledOnce()
  },
}
