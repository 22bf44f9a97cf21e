import { fireEvent, render } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { VideoCall } from '../../src'
import {
  calls,
  expectPlayingVideo,
  paste,
  waitForLine,
  waitForSignal,
  type CallUi,
} from './helpers'

// Calls between this Chromium and a real Firefox ESR (tests/browser/setup/firefox.ts), with the
// tiny template signals both ways: each engine reads the other's.

const available = await commands.firefoxAvailable()

describe.skipIf(!available)('given a Firefox ESR on the other end', () => {
  beforeAll(() => commands.firefoxStart(), 70_000)
  afterAll(() => commands.firefoxStop())

  it('Chromium calls Firefox: a template offer, a template answer, video both ways', async () => {
    await commands.firefoxRun('hangup')
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Create offer'))
    const offer = await waitForSignal(a)
    expect(offer).toMatch(/^p2p2\.offer\./)
    expect(offer.length).toBeLessThan(300)

    const answered = await commands.firefoxRun('answer', offer)
    expect(answered.userAgent).toMatch(/Firefox\//)
    expect(answered.error).toBeNull()
    // Firefox's answer to a Chromium offer, written by the kit in Firefox: a template signal too.
    expect(answered.localSignal).toMatch(/^p2p2\.answer\./)
    expect(answered.localSignal.length).toBeLessThan(260)
    paste(a.remoteSignal(), answered.localSignal)
    fireEvent.click(a.button('Complete connection'))
    await waitForLine(a, 'connection: connected')
    await expectPlayingVideo(a.remoteVideo())
    const firefox = await commands.firefoxRun('status')
    expect(firefox.connection).toBe('connected')
    expect(firefox.remoteVideo.width).toBeGreaterThan(0)
    expect(firefox.remoteVideo.currentTime).toBeGreaterThan(0)
    await commands.firefoxRun('hangup')
  }, 60_000)

  it('Firefox calls Chromium: the same, the other way round', async () => {
    await commands.firefoxRun('hangup')
    render(<VideoCall iceServers={[]} defaultRole="callee" />)
    const [b] = calls() as [CallUi]
    const offered = await commands.firefoxRun('offer')
    expect(offered.error).toBeNull()
    expect(offered.localSignal).toMatch(/^p2p2\.offer\./)
    expect(offered.localSignal.length).toBeLessThan(260)
    paste(b.remoteSignal(), offered.localSignal)
    fireEvent.click(b.button('Create answer'))
    const answer = await waitForSignal(b)
    expect(answer).toMatch(/^p2p2\.answer\./)
    const firefox = await commands.firefoxRun('complete', answer)
    expect(firefox.error).toBeNull()
    expect(firefox.connection).toBe('connected')
    expect(firefox.remoteVideo.width).toBeGreaterThan(0)
    expect(firefox.remoteVideo.currentTime).toBeGreaterThan(0)
    await waitForLine(b, 'connection: connected')
    await expectPlayingVideo(b.remoteVideo())
    await commands.firefoxRun('hangup')
  }, 60_000)
})
