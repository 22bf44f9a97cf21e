import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { createP2PError, ErrorAlert } from '../src'

const meta = {
  title: 'Components/ErrorAlert',
  component: ErrorAlert,
  args: { error: createP2PError('ERR_SIGNAL_TRUNCATED') },
} satisfies Meta<typeof ErrorAlert>
export default meta
type Story = StoryObj<typeof meta>

export const TruncatedSignal: Story = {
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert')
    await expect(alert).toHaveTextContent('This signal is cut off')
    await expect(alert).toHaveTextContent('Copy the whole signal again')
    await expect(alert).toHaveAttribute('data-code', 'ERR_SIGNAL_TRUNCATED')
  },
}

export const PermissionDenied: Story = {
  args: { error: createP2PError('ERR_MEDIA_PERMISSION_DENIED'), onDismiss: fn() },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('alert')).toHaveTextContent('continue receive-only')
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }))
    await expect(args.onDismiss).toHaveBeenCalledOnce()
  },
}

/** Overridden text is still rendered as text: markup never becomes HTML. */
export const MarkupStaysText: Story = {
  args: {
    error: createP2PError('ERR_SIGNAL_NOT_JSON'),
    errorText: { ERR_SIGNAL_NOT_JSON: { message: '<b>bold?</b>', hint: '<img src=x>' } },
  },
  play: async ({ canvasElement }) => {
    const alert = within(canvasElement).getByRole('alert')
    await expect(alert).toHaveTextContent('<b>bold?</b>')
    await expect(alert.querySelector('b, img')).toBeNull()
  },
}

export const NoError: Story = {
  args: { error: null },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByRole('alert')).toBeNull()
  },
}
