import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import qrcode from 'qrcode-generator'
import { describe, expect, it } from 'vitest'
import { qrSignalText } from '../../src'
import {
  defer,
  expectPlayingVideo,
  paste,
  waitForLine,
  waitForSignal,
  renderCallerAndCallee,
} from './helpers'

/**
 * A camera that films a QR code: a canvas stream with the code drawn on it (redrawn, so it sends
 * frames), returned for the scanner's own `getUserMedia` call only (the one asking for the camera
 * facing away); the call's own camera stays the fake one.
 */
function filmQrCode(draw: (canvas: HTMLCanvasElement) => void | Promise<void>) {
  const canvas = document.createElement('canvas')
  const frame = document.createElement('canvas')
  canvas.width = canvas.height = frame.width = frame.height = 480
  // Each frame is drawn aside, then shown at once: the camera never films half a frame.
  const paint = async () => {
    const context = frame.getContext('2d')
    if (!context) return
    context.fillStyle = '#888'
    context.fillRect(0, 0, 480, 480)
    await draw(frame)
    canvas.getContext('2d')?.drawImage(frame, 0, 0)
  }
  const timer = setInterval(() => void paint(), 100)
  void paint()
  const devices = navigator.mediaDevices
  const original = devices.getUserMedia.bind(devices)
  const given: MediaStream[] = []
  devices.getUserMedia = (constraints?: MediaStreamConstraints) => {
    const video = constraints?.video
    if (typeof video === 'object' && video.facingMode) {
      given.push(canvas.captureStream(10))
      return Promise.resolve(given[given.length - 1] as MediaStream)
    }
    return original(constraints)
  }
  defer(() => {
    clearInterval(timer)
    devices.getUserMedia = original
  })
  return { given }
}

/** Draws the Signal QR code shown in `region` (its SVG, as a phone screen would show it). */
async function drawShownQr(region: HTMLElement, canvas: HTMLCanvasElement) {
  // Once the call connects, the phone shows the call instead: the camera films nothing more.
  const svg = within(region).queryByRole('img', { name: 'Signal QR code' })
  if (!svg) return
  // Whole pixels a module, as a phone's screen shows it.
  const modules = (svg as unknown as SVGSVGElement).viewBox.baseVal.width
  const size = Math.floor(440 / modules) * modules
  const image = new Image(size, size)
  image.src = URL.createObjectURL(
    new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }),
  )
  await image.decode()
  const context = canvas.getContext('2d')
  if (!context) return
  context.imageSmoothingEnabled = false
  context.drawImage(image, 20, 20, size, size)
}

/** Draws a QR code of `text` (error correction M, 8 px modules, a quiet zone). */
function drawQr(text: string, canvas: HTMLCanvasElement) {
  const qr = qrcode(0, 'M')
  qr.addData(text, 'Byte')
  qr.make()
  const size = qr.getModuleCount()
  const context = canvas.getContext('2d')
  if (!context) return
  const scale = Math.floor(400 / (size + 8))
  context.fillStyle = '#fff'
  context.fillRect(40, 40, (size + 8) * scale, (size + 8) * scale)
  context.fillStyle = '#000'
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++)
      if (qr.isDark(r, c))
        context.fillRect(40 + (c + 4) * scale, 40 + (r + 4) * scale, scale, scale)
}

describe('given a caller whose offer waits for an answer shown as a QR code', () => {
  it('completes the call with Scan QR code: no paste, and the scanner camera stops', async () => {
    const [a, b] = renderCallerAndCallee()
    fireEvent.click(a.button('Create offer'))
    paste(b.remoteSignal(), await waitForSignal(a))
    fireEvent.click(b.button('Create answer'))
    await waitForSignal(b)
    // The phone shows its answer as a QR code (in its alphanumeric form).
    fireEvent.click(b.button('Show QR code'))
    const qr = await within(b.region).findByRole('img', { name: 'Signal QR code' })
    await waitFor(() => expect(qr.getAttribute('aria-busy')).toBe('false'))
    const camera = filmQrCode((canvas) => drawShownQr(b.region, canvas))

    fireEvent.click(a.button('Scan QR code'))
    const scanner = await within(a.region).findByRole('group', { name: 'QR code scanner' })
    expect(within(scanner).getByLabelText('Scanner camera').tagName).toBe('VIDEO')
    await waitForLine(a, 'connection: connected', 20_000)
    // The callee's call shows with the caller's first frame.
    await expectPlayingVideo(await waitFor(() => b.remoteVideo()))
    // Read once: the scanner is gone and its camera stopped.
    expect(camera.given).toHaveLength(1)
    expect(within(a.region).queryByRole('group', { name: 'QR code scanner' })).toBeNull()
    expect(camera.given[0]?.getTracks().every((t) => t.readyState === 'ended')).toBe(true)
  })

  it('gives a damaged code an alert, keeps the offer waiting, and can scan again', async () => {
    const [a, b] = renderCallerAndCallee()
    fireEvent.click(a.button('Create offer'))
    const offer = await waitForSignal(a)
    paste(b.remoteSignal(), offer)
    fireEvent.click(b.button('Create answer'))
    const answer = qrSignalText(await waitForSignal(b))
    // A character changed, as a misprinted or edited code would carry.
    const at = Math.floor(answer.length / 2)
    const damaged = answer.slice(0, at) + (answer[at] === 'A' ? 'B' : 'A') + answer.slice(at + 1)
    filmQrCode((canvas) => drawQr(damaged, canvas))
    fireEvent.click(a.button('Scan QR code'))
    // A changed character reads as changed, or, when it hit a length, as cut off: either way an
    // alert that says to copy it again, and nothing reaches the connection.
    await waitFor(
      () =>
        expect(
          a
            .alerts()
            .map((x) => x.textContent)
            .join(' | '),
        ).toMatch(/This signal was changed on the way|This signal is cut off/),
      // The scanner's camera and the decoder's chunk start first: on a loaded CI machine, seconds.
      { timeout: 10_000 },
    )
    expect(a.localSignal().value).toBe(offer)
    expect(a.statePanel().textContent).toContain('phase: awaiting-answer')
    // Stop scanning closes a scanner that has read nothing.
    fireEvent.click(a.button('Scan QR code'))
    fireEvent.click(await within(a.region).findByRole('button', { name: 'Stop scanning' }))
    expect(within(a.region).queryByRole('group', { name: 'QR code scanner' })).toBeNull()
    expect(screen.queryAllByRole('group', { name: 'QR code scanner' })).toHaveLength(0)
  })
})
