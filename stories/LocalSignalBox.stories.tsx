import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, fn, userEvent, waitFor, within } from 'storybook/test'
import { LocalSignalBox } from '../src'

const SIGNAL = '{"sdp":{"type":"offer","sdp":"v=0\\r\\n…"},"candidates":[]}'

/** Replaces the clipboard for one story; returns the cleanup Storybook runs afterwards. */
function fakeClipboard(writeText: (text: string) => Promise<void>, execCommand = false) {
  const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')
  const exec = document.execCommand
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
  document.execCommand = () => execCommand
  return () => {
    delete (navigator as { clipboard?: unknown }).clipboard
    if (clipboard) Object.defineProperty(Navigator.prototype, 'clipboard', clipboard)
    document.execCommand = exec
  }
}

const writeText = fn(async (text: string) => void text)

const meta = {
  title: 'Components/LocalSignalBox',
  component: LocalSignalBox,
  args: { value: SIGNAL, onCopy: fn() },
} satisfies Meta<typeof LocalSignalBox>
export default meta
type Story = StoryObj<typeof meta>

export const Empty: Story = {
  args: { value: '' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await expect(canvas.getByRole('textbox', { name: 'Local signal' })).toHaveAttribute('readonly')
    await expect(canvas.getByRole('button', { name: 'Copy' })).toBeDisabled()
  },
}

export const Copied: Story = {
  beforeEach: () => fakeClipboard(writeText),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Copy' }))
    await waitFor(() => expect(canvas.getByText('Copied to the clipboard')).toBeVisible())
    await expect(writeText).toHaveBeenCalledWith(SIGNAL)
    await expect(args.onCopy).toHaveBeenCalledWith(true)
  },
}

/** The clipboard refuses: the alert says how to copy by hand. */
export const CopyRefused: Story = {
  beforeEach: () => fakeClipboard(() => Promise.reject(new DOMException('no', 'NotAllowedError'))),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Copy' }))
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Ctrl+C')
    await expect(args.onCopy).toHaveBeenCalledWith(false)
  },
}
