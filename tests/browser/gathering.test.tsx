import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, inject, it } from 'vitest'
import { createPeerSession, VideoCall } from '../../src'
import { defer, trackPeerConnections, until } from './helpers'

const silentStun = inject('silentStunUrl')

describe('given a STUN server that never answers', () => {
  it('has the offer ready within the gathering budget, not after the ~40 s wait, and still connects', async () => {
    const pcs = trackPeerConnections()
    const a = createPeerSession({ iceServers: [{ urls: silentStun }] })
    const b = createPeerSession({ iceServers: [{ urls: silentStun }] })
    defer(() => {
      a.dispose()
      b.dispose()
    })
    const started = performance.now()
    await a.createOffer()
    const offerMs = performance.now() - started
    // Gathering is still waiting for the silent server: the budget, not completion, released it.
    expect(pcs.created[0]?.iceGatheringState).toBe('gathering')
    expect(a.getState().candidateCounts?.host).toBeGreaterThan(0)
    expect(a.getState().candidateCounts?.srflx).toBe(0)
    await b.createAnswer(a.getState().localSignal)
    await a.completeConnection(b.getState().localSignal)
    await until(a, (s) => s.connectionState === 'connected')
    console.log(`[gathering] offer ready after ${Math.round(offerMs)} ms with a silent STUN server`)
  })

  it('shows a "Gathering candidates" progressbar, then what the signal carries', async () => {
    render(<VideoCall iceServers={[{ urls: silentStun }]} />)
    fireEvent.click(screen.getByRole('button', { name: 'Create offer' }))
    // After the camera starts (most of a second here), for as long as the budget runs.
    expect(
      await screen.findByRole('progressbar', { name: 'Gathering candidates' }, { timeout: 5_000 }),
    ).toBeTruthy()
    // What it carries is in Details (the steps speak no protocol).
    await waitFor(
      () => expect(screen.getByRole('textbox', { name: 'Local signal' })).toBeTruthy(),
      {
        timeout: 5_000,
      },
    )
    fireEvent.click(screen.getByRole('button', { name: 'Details' }))
    expect(screen.getByText(/^Candidates in this signal: host [1-9]/)).toBeTruthy()
    expect(screen.queryByRole('progressbar', { name: 'Gathering candidates' })).toBeNull()
  })
})
