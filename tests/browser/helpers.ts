import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { createElement, Fragment } from 'react'
import { expect } from 'vitest'
import { createPeerSession, VideoCall, type PeerSession, type PeerSessionState } from '../../src'

const deferred: (() => void)[] = []

/** Runs `undo` after the current test (the browser setup file calls {@link runDeferred}). */
export function defer(undo: () => void): void {
  deferred.push(undo)
}

/** Undoes, newest first, what the test patched. */
export function runDeferred(): void {
  for (const undo of deferred.splice(0).reverse()) undo()
}

/** A session that is disposed after the test. */
export function testSession(...args: Parameters<typeof createPeerSession>): PeerSession {
  const session = createPeerSession(...args)
  defer(() => session.dispose())
  return session
}

/** Records every RTCPeerConnection created while installed. */
export function trackPeerConnections() {
  const Original = globalThis.RTCPeerConnection
  const created: RTCPeerConnection[] = []
  class Tracked extends Original {
    constructor(config?: RTCConfiguration) {
      super(config)
      created.push(this)
    }
  }
  globalThis.RTCPeerConnection = Tracked
  defer(() => {
    globalThis.RTCPeerConnection = Original
  })
  return {
    created,
    live: () => created.filter((pc) => pc.signalingState !== 'closed'),
    restore: () => {
      globalThis.RTCPeerConnection = Original
    },
  }
}

/** Records every track `getUserMedia` hands out while installed (optionally replacing it). */
export function trackMediaTracks(
  replacement?: (constraints?: MediaStreamConstraints) => Promise<MediaStream>,
) {
  const devices = navigator.mediaDevices
  const original = devices.getUserMedia.bind(devices)
  const tracks: MediaStreamTrack[] = []
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    const stream = await (replacement ?? original)(constraints)
    tracks.push(...stream.getTracks())
    return stream
  }
  defer(() => {
    devices.getUserMedia = original
  })
  return {
    tracks,
    live: () => tracks.filter((t) => t.readyState === 'live'),
    original,
    restore: () => {
      devices.getUserMedia = original
    },
  }
}

export type CallUi = ReturnType<typeof callUi>

/** Queries scoped to one rendered call (a region named "Video call"). */
export function callUi(region: HTMLElement) {
  const ui = within(region)
  // What a person does to reach a control that sits in a disclosure: open it. The Details panel
  // holds the protocol state, the signal format and the debug report; each device menu its pickers.
  const openDetails = () => {
    const toggle = ui
      .queryAllByRole('button', { name: 'Details' })
      .find((b) => b.getAttribute('aria-expanded') === 'false')
    if (toggle) fireEvent.click(toggle)
  }
  const openMenu = (name: string) => () => {
    const toggle = ui.queryByRole('button', { name })
    if (toggle?.getAttribute('aria-expanded') === 'false') fireEvent.click(toggle)
  }
  const MENUS: Record<string, string> = {
    Camera: 'Camera settings',
    Microphone: 'Microphone settings',
    Speaker: 'Microphone settings',
  }
  function reveal<T extends HTMLElement>(
    find: () => T | null,
    opens: (() => void)[],
    fail: () => T,
  ): T {
    let found = find()
    for (const open of opens) {
      if (found) break
      open()
      found = find()
    }
    return found ?? fail()
  }
  const byRole = (role: string, name: string) => () => ui.queryByRole(role, { name })
  const closeDetails = () => {
    const toggle = ui
      .queryAllByRole('button', { name: 'Details' })
      .find((b) => b.getAttribute('aria-expanded') === 'true')
    if (toggle) fireEvent.click(toggle)
  }
  return {
    region,
    openDetails,
    closeDetails,
    button: (name: string) =>
      reveal(byRole('button', name), [openDetails], () => ui.getByRole('button', { name })),
    /** A button that is shown now, or `null`: the call UI shows only the actions of the moment. */
    queryButton: (name: string) => ui.queryByRole('button', { name }),
    radio: (name: string) => ui.queryByRole('radio', { name }),
    select: (name: string) =>
      reveal(
        byRole('combobox', name) as () => HTMLSelectElement | null,
        [openDetails, ...(MENUS[name] ? [openMenu(MENUS[name])] : [])],
        () => ui.getByRole('combobox', { name }) as HTMLSelectElement,
      ),
    localSignal: () => ui.getByRole('textbox', { name: 'Local signal' }) as HTMLTextAreaElement,
    remoteSignal: () => ui.getByRole('textbox', { name: 'Remote signal' }) as HTMLTextAreaElement,
    statePanel: () =>
      reveal(byRole('status', 'Connection state'), [openDetails], () =>
        ui.getByRole('status', { name: 'Connection state' }),
      ),
    alerts: () => ui.queryAllByRole('alert'),
    remoteVideo: () => ui.getByLabelText('Remote video') as HTMLVideoElement,
    localVideo: () => ui.getByLabelText('Local video') as HTMLVideoElement,
  }
}

export function calls(): CallUi[] {
  return screen.getAllByRole('region', { name: 'Video call' }).map(callUi)
}

/** What a person does with the clipboard: put text into the other tab's Remote signal. */
export function paste(textarea: HTMLTextAreaElement, text: string) {
  fireEvent.change(textarea, { target: { value: text } })
}

export async function waitForSignal(call: CallUi, timeout = 15_000): Promise<string> {
  await waitFor(() => expect(call.localSignal().value).not.toBe(''), { timeout })
  return call.localSignal().value
}

export async function waitForLine(call: CallUi, line: string, timeout = 15_000) {
  await waitFor(() => expect(call.statePanel().textContent).toContain(line), { timeout })
}

export async function waitForAlert(call: CallUi, text: string, timeout = 5_000) {
  await waitFor(
    () =>
      expect(
        call
          .alerts()
          .map((a) => a.textContent)
          .join(' | '),
      ).toContain(text),
    { timeout },
  )
}

/** A video shows frames: it has a size and its clock advances. */
export async function expectPlayingVideo(video: HTMLVideoElement) {
  await waitFor(() => expect(video.videoWidth).toBeGreaterThan(0), { timeout: 10_000 })
  const before = video.currentTime
  await waitFor(() => expect(video.currentTime).toBeGreaterThan(before), { timeout: 5_000 })
}

/** The copy-paste flow of the tutorial, through the rendered UI: caller `a`, callee `b`. */
export async function connectByPaste(a: CallUi, b: CallUi) {
  // After a call, each side first goes back from "Call ended" to the lobby.
  for (const call of [a, b]) {
    const again = call.queryButton('Call again')
    if (again) fireEvent.click(again)
  }
  // Layouts without a role choice (a composed call) have their role built in.
  for (const [call, role] of [
    [a, 'Caller'],
    [b, 'Callee'],
  ] as const) {
    const radio = call.radio(role)
    if (radio) fireEvent.click(radio)
  }
  const started = performance.now()
  const at = () => `${Math.round(performance.now() - started)} ms`
  fireEvent.click(a.button('Create offer'))
  const offer = await waitForSignal(a)
  const offerAt = at()
  paste(b.remoteSignal(), offer)
  fireEvent.click(b.button('Create answer'))
  const answer = await waitForSignal(b)
  const answerAt = at()
  paste(a.remoteSignal(), answer)
  fireEvent.click(a.button('Complete connection'))
  try {
    await waitForLine(a, 'connection: connected')
    await waitForLine(b, 'connection: connected')
  } catch (error) {
    // A call that does not connect says what both sides saw, and what each signal carried.
    const panel = (call: CallUi) =>
      Array.from(call.statePanel().children, (line) => line.textContent).join(', ')
    throw new Error(
      `The call did not connect (${at()} after Create offer). Caller: ${panel(a)}. Callee: ${panel(b)}. ` +
        `Offer at ${offerAt}: ${offer}. Answer at ${answerAt}: ${answer}.`,
      { cause: error },
    )
  }
  return { offer, answer }
}

/** Two `<VideoCall iceServers={[]} />` on one page, as two tabs would be: caller `a`, callee `b`. */
export function renderCallerAndCallee(): [CallUi, CallUi] {
  render(
    createElement(
      Fragment,
      null,
      createElement(VideoCall, { iceServers: [] }),
      createElement(VideoCall, { iceServers: [], defaultRole: 'callee' }),
    ),
  )
  return calls() as [CallUi, CallUi]
}

/**
 * Two `<VideoCall iceServers={[]} />` on one page, as two tabs would be, connected by paste (caller
 * `a`, callee `b`), with `b` playing `a`'s video; `pcs` are the connections they made.
 */
export async function connectedPair() {
  const pcs = trackPeerConnections()
  const [a, b] = renderCallerAndCallee()
  await connectByPaste(a, b)
  await expectPlayingVideo(b.remoteVideo())
  return { a, b, pcs }
}

/** Resolves once the session's snapshot satisfies `ok`; rejects with the phase it was stuck in. */
export function until(
  session: PeerSession,
  ok: (state: PeerSessionState) => boolean,
  timeout = 15_000,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      off()
      const { phase, signalingState, localScreen, remoteScreen, error } = session.getState()
      const screens = `local screen ${localScreen ? 'on' : 'off'}, remote screen ${remoteScreen ? 'on' : 'off'}`
      reject(
        new Error(
          `timed out in phase ${phase}, signaling ${signalingState}, ${screens}, error ${error?.code}`,
        ),
      )
    }, timeout)
    const check = () => {
      if (!ok(session.getState())) return
      clearTimeout(timer)
      off()
      resolve()
    }
    const off = session.subscribe(check)
    check()
  })
}

/** The copy-paste exchange between two sessions, done by code; resolves when the data channel is up. */
export async function connectSessions(a: PeerSession, b: PeerSession) {
  await a.createOffer()
  await b.createAnswer(a.getState().localSignal)
  await a.completeConnection(b.getState().localSignal)
  await until(a, (s) => s.phase === 'connected' && s.inBand)
  await until(b, (s) => s.phase === 'connected' && s.inBand)
}

/** A "screen" drawn on a canvas: a real video track, no capture prompt. */
export function canvasScreen(): Promise<MediaStream> {
  const canvas = document.createElement('canvas')
  canvas.width = 64
  canvas.height = 48
  canvas.getContext('2d')?.fillRect(0, 0, 64, 48)
  return Promise.resolve(canvas.captureStream(5))
}
