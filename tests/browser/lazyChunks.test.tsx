import { fireEvent, render, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { VideoCall } from '../../src'
import { calls, waitForSignal, type CallUi } from './helpers'
import '../../src/styles.css'

// What a user meets when a lazy chunk cannot load (offline, or a deploy replaced the file): the
// import rejects. (Vitest's mock keeps its first failure, so a second opening fails here too; Chromium
// itself fetches a failed module again, and Details makes a fresh React.lazy for that.)
const loads = vi.hoisted(() => ({ qr: 0, details: 0 }))
vi.mock('qrcode-generator', () => {
  loads.qr++
  throw new TypeError('Failed to fetch dynamically imported module: qrcode-generator')
})
vi.mock('../../src/prefabs/DetailsDiagnostics', () => {
  loads.details++
  throw new TypeError('Failed to fetch dynamically imported module: DetailsDiagnostics')
})

describe('given a lazy chunk that cannot load', () => {
  it('shows a QR note that says to use Copy, and the signal stays there to copy', async () => {
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Create offer'))
    await waitForSignal(a)
    fireEvent.click(a.button('Show QR code'))
    const note = await within(a.region).findByRole('alert', {}, { timeout: 5000 })
    expect(note.textContent).toBe('The QR code could not load: use Copy instead.')
    expect(loads.qr).toBeGreaterThan(0)
    expect(within(a.region).queryByRole('img', { name: 'Signal QR code' })).toBeNull()
    expect(a.queryButton('Copy')).not.toBeNull()
    expect(a.localSignal().value).toMatch(/\S/)
  })

  it('keeps Details open with its state panel, says what failed, and opening it again does the same (the call unharmed)', async () => {
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(within(a.region).getByRole('button', { name: 'Details' }))
    const panel = within(a.region).getByRole('complementary', { name: 'Details' })
    const note = await within(panel).findByRole('alert', {}, { timeout: 5000 })
    expect(note.textContent).toBe('Call stats could not load. Close Details and open it again.')
    // The rest of Details and of the call is still there.
    expect(within(panel).getByRole('status', { name: 'Connection state' })).toBeTruthy()
    expect(a.queryButton('Create offer')).not.toBeNull()
    fireEvent.click(within(panel).getByRole('button', { name: 'Close details' }))
    fireEvent.click(within(a.region).getByRole('button', { name: 'Details' }))
    const again = within(a.region).getByRole('complementary', { name: 'Details' })
    expect(await within(again).findByRole('alert', {}, { timeout: 5000 })).toBeTruthy()
    expect(within(again).getByRole('status', { name: 'Connection state' })).toBeTruthy()
    expect(loads.details).toBeGreaterThan(0)
  })
})
