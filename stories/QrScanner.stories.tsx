import type { Meta, StoryObj } from '@storybook/react-vite'
import qrcode from 'qrcode-generator'
import { expect, fn, waitFor, within } from 'storybook/test'
import { QrScanner } from '../src'

// The story's "camera": a canvas that shows a QR code of a signal, as a phone held up would.
const SIGNAL = 'P2P2.ANSWER.8Q0ZK5MD1W3Y$*+-./:ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
function filmedQrCode(): Promise<MediaStream> {
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = 360
  const qr = qrcode(0, 'M')
  qr.addData(SIGNAL, 'Alphanumeric')
  qr.make()
  const size = qr.getModuleCount()
  const scale = Math.floor(300 / (size + 8))
  const paint = () => {
    const context = canvas.getContext('2d')
    if (!context) return
    context.fillStyle = '#444'
    context.fillRect(0, 0, 360, 360)
    context.fillStyle = '#fff'
    context.fillRect(30, 30, (size + 8) * scale, (size + 8) * scale)
    context.fillStyle = '#000'
    for (let r = 0; r < size; r++)
      for (let c = 0; c < size; c++)
        if (qr.isDark(r, c))
          context.fillRect(30 + (c + 4) * scale, 30 + (r + 4) * scale, scale, scale)
  }
  paint()
  setInterval(paint, 100)
  return Promise.resolve(canvas.captureStream(10))
}

const meta = {
  title: 'Components/QrScanner',
  component: QrScanner,
  args: { onScan: fn(), onClose: fn(), onError: fn(), openCamera: filmedQrCode },
  parameters: {
    docs: {
      description: {
        component:
          'Reads the other person’s QR code with a camera of its own (the one facing away by default). The decoder — the browser’s BarcodeDetector, else qr-scanner in a worker — is loaded when scanning starts. Here the camera is a canvas showing a code.',
      },
    },
  },
} satisfies Meta<typeof QrScanner>
export default meta
type Story = StoryObj<typeof meta>

/** A code in view is read once, and its text handed over. */
export const ReadsACode: Story = {
  play: async ({ canvasElement, args }) => {
    const scanner = within(canvasElement).getByRole('group', { name: 'QR code scanner' })
    await expect(within(scanner).getByLabelText('Scanner camera')).toBeInTheDocument()
    await waitFor(() => expect(args.onScan).toHaveBeenCalledWith(SIGNAL), { timeout: 10_000 })
    await expect(args.onScan).toHaveBeenCalledTimes(1)
  },
}

/** A camera that cannot start: the browser's error goes to `onError`. */
export const CameraDenied: Story = {
  args: {
    openCamera: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')),
  },
  play: async ({ args }) => {
    await waitFor(() => expect(args.onError).toHaveBeenCalled())
    await expect(args.onScan).not.toHaveBeenCalled()
  },
}
