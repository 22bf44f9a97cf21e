import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, waitFor, within } from 'storybook/test'
import { SignalQrCode, signalLink } from '../src'

const meta = {
  title: 'Components/SignalQrCode',
  component: SignalQrCode,
  args: {
    // A compact offer's length (about 1,500 characters), in a share link.
    value: signalLink(`p2p1.offer.${'AbCdEfGh'.repeat(190)}`, 'https://example.org/call'),
  },
  parameters: { docs: { description: { component: 'The QR library is loaded on first use.' } } },
} satisfies Meta<typeof SignalQrCode>
export default meta
type Story = StoryObj<typeof meta>

/** A share link as a QR code, for a phone to scan. */
export const Link: Story = {
  play: async ({ canvasElement }) => {
    const qr = within(canvasElement).getByRole('img', { name: 'Signal QR code' })
    await waitFor(() => expect(qr).toHaveAttribute('aria-busy', 'false'))
    await expect(qr.querySelector('path')?.getAttribute('d')?.length).toBeGreaterThan(1000)
  },
}

/** A signal in the tutorial's JSON does not fit: the note says what to choose instead. */
export const TooLong: Story = {
  args: { value: `{"sdp":{"type":"offer","sdp":"${'x'.repeat(4000)}"}}` },
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent('too long for a QR code')
    await expect(within(canvasElement).queryByRole('img')).toBeNull()
  },
}
