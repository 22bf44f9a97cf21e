import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { callActions, CallControls } from '../src'

const meta = {
  title: 'Components/CallControls',
  component: CallControls,
  args: {
    actions: callActions('idle', 'caller'),
    onCreateOffer: fn(),
    onCreateAnswer: fn(),
    onCompleteConnection: fn(),
    onHangUp: fn(),
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
  args: { actions: callActions('idle', 'callee') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Create answer' }))
    await expect(args.onCreateAnswer).toHaveBeenCalledOnce()
    await expect(canvas.getByRole('button', { name: 'Create offer' })).toBeDisabled()
  },
}

export const AwaitingAnswer: Story = {
  args: { actions: callActions('awaiting-answer', 'caller') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Complete connection' }))
    await expect(args.onCompleteConnection).toHaveBeenCalledOnce()
  },
}

export const InACall: Story = {
  args: { actions: callActions('connected', 'caller') },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('button', { name: 'Create offer' })).toBeDisabled()
    await userEvent.click(canvas.getByRole('button', { name: 'Hang up' }))
    await expect(args.onHangUp).toHaveBeenCalledOnce()
  },
}
