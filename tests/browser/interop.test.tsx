import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { commands } from 'vitest/browser'
import { VideoCall } from '../../src'
import {
  calls,
  expectPlayingVideo,
  paste,
  waitForAlert,
  waitForLine,
  waitForSignal,
  type CallUi,
  renderCallerAndCallee,
} from './helpers'

/** The bare description other tools print and read: `{"type","sdp"}`, nothing else. */
function parseDescription(text: string): { type: string; sdp: string } {
  const parsed = JSON.parse(text) as Record<string, unknown>
  expect(Object.keys(parsed).sort()).toEqual(['sdp', 'type'])
  return parsed as { type: string; sdp: string }
}

describe('given two tabs set to Signal format: Description only', () => {
  it('writes bare {type, sdp} signals with the candidates inside, and they make a call', async () => {
    const [a, b] = renderCallerAndCallee()
    for (const call of [a, b]) {
      fireEvent.change(call.select('Signal format'), { target: { value: 'description' } })
    }
    fireEvent.click(a.button('Create offer'))
    const offer = parseDescription(await waitForSignal(a))
    expect(offer.type).toBe('offer')
    expect(offer.sdp).toMatch(/^a=candidate:.* typ host/m)

    paste(b.remoteSignal(), JSON.stringify(offer))
    fireEvent.click(b.button('Create answer'))
    const answer = parseDescription(await waitForSignal(b))
    expect(answer.type).toBe('answer')
    expect(answer.sdp).toMatch(/^a=candidate:.* typ host/m)

    paste(a.remoteSignal(), JSON.stringify(answer))
    fireEvent.click(a.button('Complete connection'))
    await waitForLine(a, 'connection: connected')
    await waitForLine(b, 'connection: connected')
    await expectPlayingVideo(b.remoteVideo())
    await expectPlayingVideo(a.remoteVideo())
  })
})

// What aiortc's audio+video offer does to Chromium (aiortc bug #745): one header extension id named
// twice with different URIs across the BUNDLE group. The SDP is well formed, so only the browser
// can refuse it — and only the browser knows why.
function withExtensionCollision(sdp: string): string {
  const sections = sdp.split(/(?=^m=)/m)
  const extensions = (section = '') => [...section.matchAll(/^a=extmap:(\d+) (\S+)/gm)]
  const audio = sections.find((s) => s.startsWith('m=audio')) ?? ''
  const video = sections.find((s) => s.startsWith('m=video')) ?? ''
  const audioIds = new Map(extensions(audio).map(([, id, uri]) => [id, uri]))
  const [line, id] = extensions(video).find(([, id, uri]) => audioIds.get(id) === uri) ?? []
  expect(line, 'a header extension both sections share').toBeTruthy()
  const clashing = video.replace(String(line), `a=extmap:${id} urn:example:rtp-hdrext:not-the-same`)
  return sections.map((s) => (s === video ? clashing : s)).join('')
}

describe('given an offer the browser refuses for a reason of its own', () => {
  it("shows the browser's reason under the hint, and puts it in the timeline and the debug report", async () => {
    const [a, b] = renderCallerAndCallee()
    fireEvent.change(a.select('Signal format'), { target: { value: 'description' } })
    fireEvent.click(a.button('Create offer'))
    const offer = parseDescription(await waitForSignal(a))
    paste(b.remoteSignal(), JSON.stringify({ ...offer, sdp: withExtensionCollision(offer.sdp) }))
    fireEvent.click(b.button('Create answer'))

    await waitForAlert(b, "The browser's reason:")
    const alert = b.alerts().find((el) => el.dataset.code === 'ERR_SET_REMOTE_DESCRIPTION')
    if (!alert) throw new Error('no ERR_SET_REMOTE_DESCRIPTION alert')
    // Our hint (a guess) and the browser's words (the fact), in that order.
    const detail = alert.querySelector('.rpc-error__detail code')?.textContent ?? ''
    const hint = alert.querySelector('.rpc-error__hint')?.textContent ?? ''
    expect(detail).toMatch(/extension|BUNDLE/i)
    expect(hint).toMatch(/Copy the whole signal again/)
    const text = alert.textContent ?? ''
    expect(text.indexOf(detail)).toBeGreaterThan(text.indexOf(hint))

    b.openDetails()
    fireEvent.click(await within(b.region).findByText('State timeline'))
    const timeline = within(b.region).getByRole('list', { name: 'State timeline' })
    expect(timeline.textContent).toContain(`ERR_SET_REMOTE_DESCRIPTION (${detail.slice(0, 40)}`)

    let copied = ''
    const clipboard = navigator.clipboard
    const original = clipboard.writeText.bind(clipboard)
    clipboard.writeText = (text: string) => {
      copied = text
      return Promise.resolve()
    }
    try {
      fireEvent.click(b.button('Copy debug report'))
      await within(b.region).findByText(/Debug report copied/)
    } finally {
      clipboard.writeText = original
    }
    const report = JSON.parse(copied) as {
      error: { code: string; detail: string | null }
      timeline: { layer: string; value: string; detail?: string }[]
    }
    expect(report.error.code).toBe('ERR_SET_REMOTE_DESCRIPTION')
    expect(report.error.detail).toMatch(/extension|BUNDLE/i)
    expect(report.timeline.find((e) => e.layer === 'error')?.detail).toMatch(/extension|BUNDLE/i)

    // Nothing lost: the caller's offer still makes a call with a callee that gets it unharmed.
    await waitFor(() => expect(a.localSignal().value).not.toBe(''))
  })
})

// Another WebRTC stack reads and writes these signals with its own copy-and-paste helpers.
describe('given an aiortc peer (Python, its own WebRTC stack) on the other end', async () => {
  const available = await commands.aiortcAvailable()
  afterEach(() => commands.aiortcStop())

  it.skipIf(!available)(
    'answers the kit’s Description-only offer, and the call shows its video',
    async () => {
      render(<VideoCall iceServers={[]} />)
      const [a] = calls() as [CallUi]
      fireEvent.change(a.select('Signal format'), { target: { value: 'description' } })
      fireEvent.click(a.button('Create offer'))
      const offer = await waitForSignal(a)
      await commands.aiortcStart('answer')
      await commands.aiortcSend(offer)
      const answer = await commands.aiortcLine('{')
      paste(a.remoteSignal(), answer)
      fireEvent.click(a.button('Complete connection'))
      await waitForLine(a, 'connection: connected')
      expect(await commands.aiortcLine('state connected')).toBe('state connected')
      await expectPlayingVideo(a.remoteVideo())
    },
  )

  it.skipIf(!available)('reads aiortc’s offer, and aiortc reads the kit’s answer', async () => {
    render(<VideoCall iceServers={[]} defaultRole="callee" />)
    const [b] = calls() as [CallUi]
    fireEvent.change(b.select('Signal format'), { target: { value: 'description' } })
    await commands.aiortcStart('offer')
    paste(b.remoteSignal(), await commands.aiortcLine('{'))
    fireEvent.click(b.button('Create answer'))
    await commands.aiortcSend(await waitForSignal(b))
    await waitForLine(b, 'connection: connected')
    expect(await commands.aiortcLine('state connected')).toBe('state connected')
    await expectPlayingVideo(b.remoteVideo())
  })
})
