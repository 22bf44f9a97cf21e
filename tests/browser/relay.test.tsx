import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { Demo } from '../../demo/Demo'
import { decodeSignal } from '../../src'
import {
  callUi,
  defer,
  expectPlayingVideo,
  paste,
  trackPeerConnections,
  waitForLine,
  waitForSignal,
} from './helpers'

const turnUrl = inject('turnUrl')

/** The selected candidate pair's local and remote candidate types, from getStats. */
async function selectedPairTypes(pc: RTCPeerConnection): Promise<string[]> {
  const stats = await pc.getStats()
  let pairId: string | undefined
  stats.forEach((report: { type: string; selectedCandidatePairId?: string }) => {
    if (report.type === 'transport') pairId ??= report.selectedCandidatePairId
  })
  const pair = pairId ? stats.get(pairId) : undefined
  if (!pair) return []
  return [
    stats.get(pair.localCandidateId)?.candidateType,
    stats.get(pair.remoteCandidateId)?.candidateType,
  ]
}

function renderDemo(search: string) {
  const { container } = render(<Demo search={search} />)
  const page = within(container)
  return { page, call: callUi(page.getByRole('region', { name: 'Video call' })) }
}

describe.skipIf(!turnUrl)('given a real TURN server (coturn) and relay-only settings', () => {
  it('applies them from the settings panel, makes relay-only signals, and connects through the relay', async () => {
    const pcs = trackPeerConnections()
    const page = window.location.href
    defer(() => window.history.replaceState(null, '', page))

    // The caller sets TURN up in the panel; a bad entry first gets an alert that says what to do.
    const a = renderDemo('?stun=')
    fireEvent.click(a.page.getByText('ICE servers'))
    fireEvent.change(a.page.getByRole('textbox', { name: 'TURN server' }), {
      target: { value: turnUrl },
    })
    fireEvent.click(a.page.getByRole('button', { name: 'Apply' }))
    await a.page.findByText('A TURN server needs a username and a credential: fill in both.')
    fireEvent.change(a.page.getByRole('textbox', { name: 'TURN username' }), {
      target: { value: 'u' },
    })
    fireEvent.change(a.page.getByLabelText('TURN credential'), { target: { value: 'p' } })
    fireEvent.click(a.page.getByRole('checkbox', { name: 'Relay only (TURN)' }))
    fireEvent.click(a.page.getByRole('button', { name: 'Apply' }))
    await a.page.findByText('Applied: the next call uses these servers.')
    expect(a.page.queryByRole('alert')).toBeNull()
    // The address carries them, so the callee's page (and a reload) uses the same servers.
    const search = window.location.search
    expect(new URLSearchParams(search).get('relay')).toBe('1')
    expect(new URLSearchParams(search).get('turn')).toBe(turnUrl)
    const b = renderDemo(search)

    fireEvent.click(a.call.button('Create offer'))
    const offer = await waitForSignal(a.call, 20_000)
    a.call.openDetails()
    await waitFor(() =>
      expect(a.call.region.textContent).toMatch(
        /Candidates in this signal: host 0, srflx 0, relay [1-9]/,
      ),
    )
    fireEvent.click(b.call.radio('Callee') as HTMLElement)
    paste(b.call.remoteSignal(), offer)
    fireEvent.click(b.call.button('Create answer'))
    const answer = await waitForSignal(b.call, 20_000)
    // Neither signal gives away a host address: only the TURN server's relayed ones.
    for (const signal of [offer, answer]) {
      const decoded = await decodeSignal(signal)
      expect(decoded.ok).toBe(true)
      const sdp = decoded.ok ? decoded.signal.sdp.sdp : ''
      expect(sdp).toMatch(/ typ relay /)
      expect(sdp).not.toMatch(/ typ (host|srflx)/)
    }

    paste(a.call.remoteSignal(), answer)
    fireEvent.click(a.call.button('Complete connection'))
    await waitForLine(a.call, 'connection: connected', 20_000)
    await waitForLine(b.call, 'connection: connected', 20_000)
    await expectPlayingVideo(a.call.remoteVideo())
    await expectPlayingVideo(b.call.remoteVideo())
    // The stats panel says so too.
    a.call.openDetails()
    const stats = await within(a.call.region).findByRole('region', { name: 'Call stats' })
    await waitFor(() => expect(stats.textContent).toMatch(/Path:\s*relayed \(TURN\) — relay /), {
      timeout: 5000,
    })
    for (const pc of pcs.created) {
      expect(pc.getConfiguration().iceTransportPolicy).toBe('relay')
      await waitFor(async () => expect(await selectedPairTypes(pc)).toEqual(['relay', 'relay']))
    }
  }, 60_000)

  it('leaves every host candidate out of both signals with "Hide my local addresses", and connects', async () => {
    const search = `?stun=&turn=${encodeURIComponent(turnUrl)}&username=u&credential=p&nohost=1`
    const a = renderDemo(search)
    const b = renderDemo(search)
    expect(
      a.page.getByRole('checkbox', { name: 'Hide my local addresses (no host candidates)' }),
    ).toHaveProperty('checked', true)
    fireEvent.click(a.call.button('Create offer'))
    const offer = await waitForSignal(a.call, 20_000)
    fireEvent.click(b.call.radio('Callee') as HTMLElement)
    paste(b.call.remoteSignal(), offer)
    fireEvent.click(b.call.button('Create answer'))
    const answer = await waitForSignal(b.call, 20_000)
    for (const signal of [offer, answer]) {
      const decoded = await decodeSignal(signal)
      const sdp = decoded.ok ? decoded.signal.sdp.sdp : ''
      expect(sdp).toMatch(/ typ (srflx|relay) /)
      expect(sdp).not.toMatch(/ typ host/)
    }
    a.call.openDetails()
    expect(a.call.region.textContent).toMatch(
      /Candidates in this signal: host 0, srflx \d+, relay [1-9]/,
    )
    paste(a.call.remoteSignal(), answer)
    fireEvent.click(a.call.button('Complete connection'))
    await waitForLine(a.call, 'connection: connected', 20_000)
    // The callee's call shows with the caller's first frame (its view stands still until then).
    await waitForLine(b.call, 'connection: connected', 20_000)
    await expectPlayingVideo(b.call.remoteVideo())
  }, 60_000)
})
