import { fireEvent, render, waitFor, within } from '@testing-library/react'
import { describe, expect, inject, it, vi } from 'vitest'
import { createBroadcastSignaling, createPeerSession, randomId, VideoCall } from '../../src'
import {
  calls,
  connectByPaste,
  expectPlayingVideo,
  waitForAlert,
  waitForLine,
  until,
  type CallUi,
  defer,
} from './helpers'

/** Records what a prototype's send-like method sends (to see trickle ICE on the wire). */
function spyOn<T extends object>(proto: T, method: keyof T & string) {
  const original = proto[method] as (...args: unknown[]) => unknown
  const sent: string[] = []
  ;(proto as Record<string, unknown>)[method] = function (this: unknown, ...args: unknown[]) {
    sent.push(typeof args[0] === 'string' ? args[0] : JSON.stringify(args[0]))
    return original.apply(this, args)
  }
  defer(() => ((proto as Record<string, unknown>)[method] = original))
  return sent
}

function choose(call: CallUi, kind: 'Same browser' | 'WebSocket', room: string, url?: string) {
  const ui = within(call.region)
  const select = ui.getByRole('combobox', { name: 'Signaling' }) as HTMLSelectElement
  const option = Array.from(select.options).find((o) => o.text === kind)
  fireEvent.change(select, { target: { value: option?.value } })
  fireEvent.change(ui.getByRole('textbox', { name: 'Room' }), { target: { value: room } })
  if (url)
    fireEvent.change(ui.getByRole('textbox', { name: 'Server URL' }), { target: { value: url } })
}

const ready = (call: CallUi) =>
  waitFor(() => expect(call.region.textContent).toContain('Ready: open the same room'), {
    timeout: 5_000,
  })

async function expectConnectedWithoutPaste(a: CallUi, b: CallUi) {
  await waitForLine(a, 'connection: connected')
  await waitForLine(b, 'connection: connected')
  await expectPlayingVideo(a.remoteVideo())
  await expectPlayingVideo(b.remoteVideo())
  // No signal to copy: the textboxes are not even shown.
  expect(within(a.region).queryByRole('textbox', { name: 'Remote signal' })).toBeNull()
  expect(a.alerts()).toHaveLength(0)
  expect(b.alerts()).toHaveLength(0)
}

function twoCalls() {
  render(
    <>
      <VideoCall iceServers={[]} />
      <VideoCall iceServers={[]} />
    </>,
  )
  return calls() as [CallUi, CallUi]
}

/** Two calls, both on `kind` in a fresh room, both ready for Start call. */
async function twoCallsInRoom(kind: 'Same browser' | 'WebSocket', url?: string) {
  const [a, b] = twoCalls()
  const room = randomId()
  choose(a, kind, room, url)
  choose(b, kind, room, url)
  await ready(a)
  await ready(b)
  return { a, b, room }
}

const kinds = (sent: string[]) =>
  sent.map((raw) => {
    const outer = JSON.parse(raw) as { message?: string }
    return outer.message ? (JSON.parse(outer.message) as { type: string }).type : ''
  })

describe('given two tabs of one browser in the same room', () => {
  it('connects when one clicks Start call, with trickle ICE and no paste', async () => {
    const sent = spyOn(BroadcastChannel.prototype, 'postMessage')
    const { a, b } = await twoCallsInRoom('Same browser')
    fireEvent.click(a.button('Start call'))
    await expectConnectedWithoutPaste(a, b)
    // Candidates travelled one by one, not inside a bundle.
    expect(kinds(sent).filter((k) => k === 'candidate').length).toBeGreaterThan(0)
    expect(kinds(sent)).toContain('description')
  })

  it('connects when both click Start call at once (perfect negotiation)', async () => {
    const { a, b } = await twoCallsInRoom('Same browser')
    fireEvent.click(a.button('Start call'))
    fireEvent.click(b.button('Start call'))
    await expectConnectedWithoutPaste(a, b)
  })

  it('drops malformed and foreign messages with a warning and keeps the call', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    defer(() => warn.mockRestore())
    const { a, b, room } = await twoCallsInRoom('Same browser')
    fireEvent.click(a.button('Start call'))
    await expectConnectedWithoutPaste(a, b)

    const intruder = new BroadcastChannel(`react-p2p-call:${room}`)
    intruder.postMessage('garbage')
    intruder.postMessage({ v: 1, from: 'x', message: '{"type":' })
    intruder.postMessage({ v: 1, from: 'x', message: 'x'.repeat(300 * 1024) })
    // Well-formed, but from a third party in the room: not for this call.
    intruder.postMessage({ v: 1, from: 'intruder', message: '{"type":"bye"}' })
    intruder.close()
    // Three malformed messages and one foreign one, each dropped by both calls.
    await waitFor(() => expect(warn.mock.calls.length).toBeGreaterThanOrEqual(8), {
      timeout: 5_000,
    })
    expect(a.statePanel().textContent).toContain('phase: connected')
    expect(b.statePanel().textContent).toContain('phase: connected')
    await expectPlayingVideo(a.remoteVideo())
    expect(a.alerts()).toHaveLength(0)
  })
})

describe('given a WebSocket relay', () => {
  const url = inject('signalUrl')

  it('connects two calls in one room with trickle ICE and no paste', async () => {
    const sent = spyOn(WebSocket.prototype, 'send')
    const { a, b } = await twoCallsInRoom('WebSocket', url)
    fireEvent.click(b.button('Start call'))
    await expectConnectedWithoutPaste(a, b)
    expect(
      kinds(sent.filter((s) => s.includes('"signal"'))).filter((k) => k === 'candidate').length,
    ).toBeGreaterThan(0)
  })

  it('tells a third person that the room is full', async () => {
    render(
      <>
        <VideoCall iceServers={[]} />
        <VideoCall iceServers={[]} />
        <VideoCall iceServers={[]} />
      </>,
    )
    const [a, b, c] = calls() as [CallUi, CallUi, CallUi]
    const room = randomId()
    choose(a, 'WebSocket', room, url)
    choose(b, 'WebSocket', room, url)
    await ready(a)
    await ready(b)
    choose(c, 'WebSocket', room, url)
    await waitForAlert(c, 'This room already has two people in it.')
  })

  it('says so when the server cannot be reached', async () => {
    const [a] = twoCalls()
    choose(a, 'WebSocket', randomId(), 'ws://127.0.0.1:9')
    await waitForAlert(a, 'The signaling server could not be reached.')
    expect(a.alerts()[0]?.textContent).toContain('Check the Server URL')
  })

  it('drops malformed messages from the other member without breaking anything', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    defer(() => warn.mockRestore())
    const [a] = twoCalls()
    const room = randomId()
    const peer = new WebSocket(url)
    defer(() => peer.close())
    await new Promise((resolve) => peer.addEventListener('open', resolve, { once: true }))
    peer.send(JSON.stringify({ type: 'join', room }))
    choose(a, 'WebSocket', room, url)
    await ready(a)
    const signal = (message: unknown) =>
      peer.send(JSON.stringify({ type: 'signal', from: 'peer', message }))
    signal('not json')
    signal(
      JSON.stringify({ type: 'description', description: { type: 'offer', sdp: 'v=0\r\nbroken' } }),
    )
    signal(JSON.stringify({ type: 'candidate', candidate: { candidate: 'garbage' } }))
    signal(42)
    await waitFor(() => expect(warn.mock.calls.length).toBeGreaterThanOrEqual(4))
    expect(a.alerts()).toHaveLength(0)
    expect(a.statePanel().textContent).toContain('phase: idle')
    expect(a.button('Start call')).toHaveProperty('disabled', false)
  })
})

describe('given the call’s own data channel', () => {
  it('drops malformed messages with a warning and keeps the call', async () => {
    const channels: RTCDataChannel[] = []
    const original = RTCPeerConnection.prototype.createDataChannel
    RTCPeerConnection.prototype.createDataChannel = function (this: RTCPeerConnection, ...args) {
      const channel = original.apply(this, args)
      channels.push(channel)
      return channel
    }
    defer(() => (RTCPeerConnection.prototype.createDataChannel = original))
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    defer(() => warn.mockRestore())
    const [a, b] = twoCalls()
    await connectByPaste(a, b)
    const dc = channels[0] as RTCDataChannel
    await waitFor(() => expect(dc.readyState).toBe('open'))
    dc.send('garbage')
    dc.send(
      JSON.stringify({ type: 'description', description: { type: 'offer', sdp: 'v=0\r\nbad' } }),
    )
    dc.send(JSON.stringify({ type: 'candidate', candidate: { candidate: 'not a candidate' } }))
    dc.send(new Uint8Array([1, 2, 3]))
    await waitFor(() => expect(warn.mock.calls.length).toBeGreaterThanOrEqual(4))
    expect(b.alerts()).toHaveLength(0)
    expect(b.statePanel().textContent).toContain('phase: connected')
    await expectPlayingVideo(b.remoteVideo())
  })
})

describe('given both start at once while one still waits for its camera', () => {
  it('keeps the offer that arrived meanwhile, and both connect', async () => {
    const a = createPeerSession({ iceServers: [] })
    const b = createPeerSession({ iceServers: [] })
    const room = randomId()
    const channels = [createBroadcastSignaling(room), createBroadcastSignaling(room)] as const
    a.attachChannel(channels[0])
    b.attachChannel(channels[1])
    defer(() => {
      a.dispose()
      b.dispose()
      channels.forEach((c) => c.close())
    })
    const slowCamera = () => new Promise<null>((resolve) => setTimeout(() => resolve(null), 500))
    await Promise.all([a.startCall({ media: slowCamera }), b.startCall()])
    await until(a, (s) => s.connectionState === 'connected')
    await until(b, (s) => s.connectionState === 'connected')
  })
})
