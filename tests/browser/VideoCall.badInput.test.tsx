import { fireEvent, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createPeerSession, MAX_SIGNAL_CHARS } from '../../src'
import {
  expectPlayingVideo,
  paste,
  waitForAlert,
  waitForLine,
  waitForSignal,
  type CallUi,
  renderCallerAndCallee,
} from './helpers'

/** An offer from a third party, made by a real connection. */
async function foreignOffer(): Promise<string> {
  const other = createPeerSession({ iceServers: [] })
  await other.createOffer()
  const signal = other.getState().localSignal
  other.dispose()
  return signal
}

/** A compact answer to somebody else's offer, made by real connections. */
async function foreignAnswer(): Promise<string> {
  const x = createPeerSession({ iceServers: [] })
  const y = createPeerSession({ iceServers: [] })
  await x.createOffer()
  await y.createAnswer(x.getState().localSignal)
  const signal = y.getState().localSignal
  x.dispose()
  y.dispose()
  return signal
}

async function refuse(call: CallUi, button: string, text: string, expected: string) {
  paste(call.remoteSignal(), text)
  fireEvent.click(call.button(button))
  await waitForAlert(call, expected)
}

describe('given a caller whose offer is waiting for an answer', () => {
  it('refuses every bad paste with a clear alert, keeps the offer, then connects with the right answer', async () => {
    const [a, b] = renderCallerAndCallee()
    fireEvent.click(a.button('Create offer'))
    const offer = await waitForSignal(a)

    // Nothing pasted: Create answer is not clickable yet. Then the callee refuses what is not an
    // offer, and stays ready for one.
    expect(b.button('Create answer')).toHaveProperty('disabled', true)
    await refuse(b, 'Create answer', 'hello there', 'This is not a call signal.')
    paste(b.remoteSignal(), offer)
    fireEvent.click(b.button('Create answer'))
    const compact = await waitForSignal(b)
    expect(compact).toMatch(/^p2p2\.answer\./)
    expect(compact.length).toBeLessThan(260)
    await waitFor(() => expect(b.alerts()).toHaveLength(0))
    // Answered: the callee cannot answer again until it hangs up.
    expect(b.queryButton('Create answer')).toBeNull()
    // The same answer in the tutorial's JSON, to take its SDP apart below.
    fireEvent.change(b.select('Signal format'), { target: { value: 'json' } })
    await waitFor(() => expect(b.localSignal().value).toMatch(/^\{"sdp"/))
    const answer = b.localSignal().value
    expect(answer.length).toBeGreaterThan(compact.length * 4)

    // An empty box never enables Complete connection.
    paste(a.remoteSignal(), '   ')
    expect(a.button('Complete connection')).toHaveProperty('disabled', true)
    const bad: [string, string][] = [
      ['just some words', 'This is not a call signal.'],
      ['{"hello": "world"}', 'This JSON is not a call signal'],
      [answer.slice(0, answer.length / 2), 'This signal is cut off'],
      [answer.replace(/a=fingerprint:[^"\\]*/g, ''), 'This signal is damaged'],
      [offer, 'This is the signal this tab made itself.'],
      [await foreignOffer(), 'This is an offer, but an answer is needed here.'],
      // Chromium half-applies a refused answer's fingerprint or ICE password and then refuses the
      // right answer too: the codec must stop these before the browser sees them.
      [answer.replace(/(a=fingerprint:sha-256 )[0-9A-F:]+/g, '$1AB:CD'), 'This signal is damaged'],
      [answer.replace(/a=ice-pwd:[^\\"]+/g, 'a=ice-pwd:short'), 'This signal is damaged'],
      // Well-formed enough for the codec, refused (harmlessly) by the browser.
      [answer.replace(/a=setup:\w+/g, 'a=setup:bogus'), 'The browser rejected this signal'],
      ['{"sdp":"' + 'x'.repeat(MAX_SIGNAL_CHARS) + '"}', 'too large to be a call signal'],
      // The compact format says what is wrong before anything reaches the browser.
      [compact.slice(0, compact.length / 2), 'This signal is cut off'],
      [compact.slice(0, 60) + '*' + compact.slice(61), 'This signal was changed on the way'],
      [compact.replace('p2p2.', 'p2p3.'), 'made by a newer version of react-p2p-call'],
      [await foreignAnswer(), 'This answer was made for a different offer'],
    ]
    // The lobby is never remounted, not even when the browser refuses an answer while the call
    // view is already showing: what was pasted and typed stays where it was.
    const box = a.remoteSignal()
    for (const [text, message] of bad) {
      await refuse(a, 'Complete connection', text, message)
      expect(a.remoteSignal(), message).toBe(box)
      // Nothing is lost: the offer is still shown and still waiting.
      expect(a.localSignal().value).toBe(offer)
      expect(a.statePanel().textContent, message).toContain('phase: awaiting-answer')
      expect(a.statePanel().textContent).toContain('signaling: have-local-offer')
    }

    // Markup is shown as text, never as HTML.
    const markup = '<img src=x onerror="window.__pwned=1">'
    await refuse(a, 'Complete connection', markup, 'This is not a call signal.')
    expect(document.querySelector('img')).toBeNull()
    expect((window as { __pwned?: number }).__pwned).toBeUndefined()

    // The right answer (compact, wrapped over lines by a chat app) still completes the call, and
    // clears the alert.
    paste(a.remoteSignal(), compact.replace(/(.{70})/g, '$1\n'))
    fireEvent.click(a.button('Complete connection'))
    await waitForLine(a, 'connection: connected')
    await waitForLine(b, 'connection: connected')
    await expectPlayingVideo(a.remoteVideo())
    expect(a.alerts()).toHaveLength(0)

    // During the call, the signal boxes and the buttons that would disturb it are gone, and video
    // keeps flowing.
    await waitFor(() => expect(b.queryButton('Hang up')).not.toBeNull())
    for (const call of [a, b]) {
      expect(call.queryButton('Complete connection')).toBeNull()
      expect(call.queryButton('Create answer')).toBeNull()
      expect(call.region.querySelector('textarea')).toBeNull()
    }
    await expectPlayingVideo(b.remoteVideo())
  })
})
