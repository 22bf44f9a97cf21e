import { fireEvent, render, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { decodeSignal, iceUfragOf, VideoCall, type CallPhase } from '../../../src'
import {
  calls,
  connectByPaste,
  expectPlayingVideo,
  paste,
  trackPeerConnections,
  waitForLine,
  type CallUi,
  defer,
} from '../helpers'

// The network comes back after every test, whatever happened in it.
afterEach(async () => {
  await commands.unblockUdp()
})

async function newSignal(call: CallUi, previous: string): Promise<string> {
  await waitFor(
    () => {
      const value = call.localSignal().value
      expect(value).not.toBe('')
      expect(value).not.toBe(previous)
    },
    { timeout: 15_000 },
  )
  return call.localSignal().value
}

function renderCalls(phases: CallPhase[][]) {
  const pcs = trackPeerConnections()
  defer(pcs.restore)
  render(
    <>
      <VideoCall iceServers={[]} onPhaseChange={(phase) => phases[0]?.push(phase)} />
      <VideoCall iceServers={[]} onPhaseChange={(phase) => phases[1]?.push(phase)} />
    </>,
  )
  return { pcs, ui: calls() as [CallUi, CallUi] }
}

/** A connected copy-paste call whose UDP is then dropped, until both sides show reconnecting. */
async function callGoingDark(context: { skip: (note: string) => never }) {
  const phases: CallPhase[][] = [[], []]
  const {
    pcs,
    ui: [a, b],
  } = renderCalls(phases)
  const first = await connectByPaste(a, b)
  await expectPlayingVideo(a.remoteVideo())
  await expectPlayingVideo(b.remoteVideo())
  if (!(await commands.blockUdp())) context.skip('iptables needs the test’s own namespace, as root')
  await waitForLine(a, 'phase: reconnecting', 20_000)
  await waitForLine(b, 'phase: reconnecting', 20_000)
  return { phases, pcs, a, b, first }
}

/** Both calls are back: connected, with video both ways. */
async function bothBack(a: CallUi, b: CallUi) {
  await waitForLine(a, 'phase: connected', 30_000)
  await waitForLine(b, 'phase: connected', 30_000)
  await expectPlayingVideo(a.remoteVideo())
  await expectPlayingVideo(b.remoteVideo())
}

// Real faults need the network namespace that `npm test` makes (as root); elsewhere these skip.
describe('given a connected call whose network goes dark (UDP dropped)', () => {
  it('shows reconnecting and comes back with video when the network returns', async (context) => {
    const { phases, pcs, a, b } = await callGoingDark(context)
    // 8 s: longer than a blip, shorter than the browser's `failed`; no signaling channel, so no
    // restart can reach the other side meanwhile: ICE heals by itself when UDP returns.
    await new Promise((resolve) => setTimeout(resolve, 8_000))
    await commands.unblockUdp()
    await bothBack(a, b)
    // The same connections carried the call through: no new call was made.
    expect(pcs.created).toHaveLength(2)
    // And the panel showed the way it went.
    expect(phases[0]).toEqual(expect.arrayContaining(['connected', 'reconnecting']))
    expect(phases[0]?.lastIndexOf('reconnecting')).toBeLessThan(
      phases[0]?.lastIndexOf('connected') ?? -1,
    )
    console.log(`[recovery] caller phases: ${phases[0]?.join(' → ')}`)
  }, 90_000)

  it('resumes by Reconnect over copy-paste: restart offer one way, answer back, same connection', async (context) => {
    // Both sides see the outage; each offers Reconnect and accepts a pasted restart offer.
    const { phases, pcs, a, b, first } = await callGoingDark(context)
    fireEvent.click(a.button('Reconnect'))
    const restartOffer = await newSignal(a, first.offer)
    paste(b.remoteSignal(), restartOffer)
    fireEvent.click(b.button('Create answer'))
    const restartAnswer = await newSignal(b, first.answer)
    paste(a.remoteSignal(), restartAnswer)
    fireEvent.click(a.button('Complete connection'))
    await commands.unblockUdp()
    await bothBack(a, b)
    expect(pcs.created).toHaveLength(2)
    expect(a.alerts()).toHaveLength(0)
    expect(b.alerts()).toHaveLength(0)
    // The pasted restart is what the connection runs on now: fresh ICE credentials both ways.
    const ufrag = async (signal: string) => {
      const decoded = await decodeSignal(signal)
      return decoded.ok ? iceUfragOf(decoded.signal.sdp.sdp) : decoded.error.code
    }
    expect(await ufrag(restartOffer)).not.toBe(await ufrag(first.offer))
    const caller = pcs.created[0] as RTCPeerConnection
    expect(iceUfragOf(caller.localDescription?.sdp ?? '')).toBe(await ufrag(restartOffer))
    expect(iceUfragOf(caller.remoteDescription?.sdp ?? '')).toBe(await ufrag(restartAnswer))
    console.log(`[recovery] reconnect by paste, caller phases: ${phases[0]?.join(' → ')}`)
  }, 90_000)
})
