import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, within } from 'storybook/test'
import { RemoteSignalInput } from '../src'

const meta = {
  title: 'Components/RemoteSignalInput',
  component: RemoteSignalInput,
  args: { onValueChange: fn(), labels: { placeholder: "Paste the other person's signal here." } },
} satisfies Meta<typeof RemoteSignalInput>
export default meta
type Story = StoryObj<typeof meta>

/** Uncontrolled: it keeps its own text and reports every change. */
export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    const box = within(canvasElement).getByRole('textbox', { name: 'Remote signal' })
    await userEvent.type(box, '{{"sdp"')
    await expect(box).toHaveValue('{"sdp"')
    await expect(args.onValueChange).toHaveBeenLastCalledWith('{"sdp"')
  },
}

export const Pasted: Story = {
  args: { defaultValue: '{"sdp":{"type":"answer","sdp":"v=0\\r\\n…"}}' },
  play: async ({ canvasElement }) => {
    const box = within(canvasElement).getByRole('textbox', { name: 'Remote signal' })
    await expect(box).toHaveValue('{"sdp":{"type":"answer","sdp":"v=0\\r\\n…"}}')
  },
}
