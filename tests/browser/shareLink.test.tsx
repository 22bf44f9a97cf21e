import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import jsQR from 'jsqr'
import { describe, expect, it } from 'vitest'
import { signalFromLink, VideoCall } from '../../src'
import {
  callUi,
  calls,
  defer,
  expectPlayingVideo,
  paste,
  waitForLine,
  waitForSignal,
  type CallUi,
} from './helpers'

/** What the clipboard was given, without the permission prompt a real clipboard read needs. */
function recordClipboard(): string[] {
  const written: string[] = []
  const clipboard = navigator.clipboard
  const original = clipboard.writeText.bind(clipboard)
  clipboard.writeText = (text: string) => {
    written.push(text)
    return Promise.resolve()
  }
  defer(() => {
    clipboard.writeText = original
  })
  return written
}

/** Reads the QR code the way a phone camera would: from its pixels. */
async function scanQr(svg: SVGSVGElement): Promise<string | null> {
  const scale = 6
  const size = svg.viewBox.baseVal.width * scale
  const image = new Image(size, size)
  const xml = new XMLSerializer().serializeToString(svg)
  image.src = URL.createObjectURL(new Blob([xml], { type: 'image/svg+xml' }))
  await image.decode()
  const canvas = document.createElement('canvas')
  canvas.width = canvas.height = size
  const context = canvas.getContext('2d')
  if (!context) return null
  context.drawImage(image, 0, 0, size, size)
  const { data } = context.getImageData(0, 0, size, size)
  return jsQR(data, size, size)?.data ?? null
}

describe('given a caller with an offer ready', () => {
  it('copies a link that opens as the callee with the offer filled in, and the call connects', async () => {
    const clipboard = recordClipboard()
    const { unmount } = render(<VideoCall iceServers={[]} aria-label="Caller tab" />)
    const a = callUi(screen.getByRole('region', { name: 'Caller tab' }))
    fireEvent.click(a.button('Create offer'))
    const offer = await waitForSignal(a)
    fireEvent.click(a.button('Copy link'))
    await screen.findByText('Link copied: send it to the other person')
    const link = clipboard.at(-1) ?? ''
    expect(signalFromLink(link)).toBe(offer)
    expect(link.startsWith(window.location.href.split('#')[0] ?? '')).toBe(true)
    // A QR-sized link: the compact offer, not the tutorial's JSON.
    expect(link.length).toBeLessThan(2953)

    // The other person opens the link: its page starts with the offer in the address bar.
    const page = window.location.href
    window.history.replaceState(null, '', link)
    defer(() => window.history.replaceState(null, '', page))
    render(<VideoCall iceServers={[]} aria-label="Callee tab" />)
    const b = callUi(screen.getByRole('region', { name: 'Callee tab' }))
    await waitFor(() => expect(b.remoteSignal().value).toBe(offer))
    // A short invitation instead of the steps: this tab answers (no role to choose).
    expect(
      within(b.region).getByRole('heading', { name: 'You are invited to a video call' }),
    ).toBeTruthy()
    expect(b.radio('Caller')).toBeNull()
    // The offer leaves the address bar (and history) once it is read.
    expect(window.location.hash).toBe('')

    // The callee only clicks Create answer and sends the answer back.
    fireEvent.click(b.button('Create answer'))
    const answer = await waitForSignal(b)
    expect(b.region.querySelector('button[aria-expanded]')).not.toBeNull()
    expect(screen.queryByRole('button', { name: 'Copy link' })).not.toBeNull() // the caller's only
    expect(
      [...b.region.querySelectorAll('button')].some((x) => x.textContent === 'Copy link'),
    ).toBe(false)
    paste(a.remoteSignal(), answer)
    fireEvent.click(a.button('Complete connection'))
    await waitForLine(a, 'connection: connected')
    // The callee's call shows with the caller's first frame.
    await expectPlayingVideo(await waitFor(() => b.remoteVideo()))
    unmount()
  })

  it('shows a Signal QR code that scans back to the link, and says when JSON is too long for one', async () => {
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Create offer'))
    const offer = await waitForSignal(a)
    fireEvent.click(a.button('Show QR code'))
    const qr = await screen.findByRole('img', { name: 'Signal QR code' })
    await waitFor(() => expect(qr.getAttribute('aria-busy')).toBe('false'))
    const scanned = await scanQr(qr as unknown as SVGSVGElement)
    expect(scanned).not.toBeNull()
    expect(signalFromLink(scanned ?? '')).toBe(offer)
    expect(a.button('Hide QR code').getAttribute('aria-expanded')).toBe('true')

    // The tutorial's JSON does not fit in a QR code: the note says what to do instead.
    fireEvent.change(a.select('Signal format'), { target: { value: 'json' } })
    await screen.findByText(/too long for a QR code\. Choose Signal format: Compact\./)
    expect(screen.queryByRole('img', { name: 'Signal QR code' })).toBeNull()
    // And back: the same offer, compact again, still waiting for its answer.
    fireEvent.change(a.select('Signal format'), { target: { value: 'compact' } })
    await waitFor(() => expect(a.localSignal().value).toBe(offer))
    expect(a.statePanel().textContent).toContain('phase: awaiting-answer')
  })
})
