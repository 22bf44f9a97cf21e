import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, describe, expect, it } from 'vitest'
import { page } from 'vitest/browser'
import { VideoCall } from '../../src'
import { MESSAGES_ZH_CN } from '../../src/locales/zh-CN'
import {
  callUi,
  defer,
  calls,
  connectByPaste,
  expectPlayingVideo,
  paste,
  trackMediaTracks,
  trackPeerConnections,
  waitForSignal,
  type CallUi,
  renderCallerAndCallee,
} from './helpers'
import { QUIET_MAX_MS } from '../../src/prefabs/useQuietView'
import '../../src/styles.css'

const initial = { width: window.innerWidth, height: window.innerHeight }
afterEach(() => page.viewport(initial.width, initial.height))

async function violations(root: HTMLElement) {
  const result = await axe.run(root, { resultTypes: ['violations'] })
  return result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  )
}

/**
 * The tab under test fills the page, as in the demo; the other tab is a small tile out of the way
 * (it has to exist for a real call, but it is not what is measured).
 */
function renderTabs(props: Parameters<typeof VideoCall>[0] = {}) {
  render(
    <>
      <main style={{ ['--rpc-call-height' as string]: 'calc(100dvh - 1rem)', padding: '0.5rem' }}>
        <VideoCall iceServers={[]} aria-label="This tab" {...props} />
      </main>
      <div style={{ position: 'fixed', left: 0, top: 0, width: 1, height: 1, overflow: 'hidden' }}>
        <VideoCall iceServers={[]} aria-label="Other tab" />
      </div>
    </>,
  )
  const a = callUi(screen.getByRole('region', { name: 'This tab' }))
  const b = callUi(screen.getByRole('region', { name: 'Other tab' }))
  return { a, b }
}

/** Every control a finger can hit in the call region, and the ones smaller than 44×44 px. */
function smallTargets(region: HTMLElement) {
  const controls = [...region.querySelectorAll<HTMLElement>('button, select, input, summary')]
    .map((el) => (el instanceof HTMLInputElement && el.type === 'radio' ? el.closest('label') : el))
    .filter((el): el is HTMLElement => el !== null && el.getClientRects().length > 0)
  const small = controls
    .map((el) => ({
      name: el.getAttribute('aria-label') ?? el.textContent,
      box: el.getBoundingClientRect(),
    }))
    .filter(({ box }) => box.width < 44 || box.height < 44)
    .map(({ name, box }) => `${name} ${Math.round(box.width)}×${Math.round(box.height)}`)
  return { count: controls.length, small }
}

/** What a person sees of the call: measured from the layout, against the viewport. */
function measure(call: CallUi) {
  const video = call.remoteVideo().getBoundingClientRect()
  const bar = within(call.region)
    .getByRole('group', { name: 'Call controls' })
    .getBoundingClientRect()
  return {
    videoShare: (video.width * video.height) / (innerWidth * innerHeight),
    videoInView: video.top >= 0 && video.bottom <= innerHeight + 1,
    barInView:
      bar.top >= 0 && bar.bottom <= innerHeight + 1 && bar.left >= 0 && bar.right <= innerWidth + 1,
    scrollsDown: document.documentElement.scrollHeight > innerHeight + 1,
    scrollsSideways: document.documentElement.scrollWidth > innerWidth + 1,
  }
}

describe('given the lobby', () => {
  it('guides a caller in two steps and shows only the action of the moment', async () => {
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    const steps = within(a.region).getAllByRole('listitem')
    expect(steps.map((s) => s.querySelector('h2')?.textContent)).toEqual([
      '1Send this invite',
      '2Paste their reply',
    ])
    expect(steps[0]?.getAttribute('aria-current')).toBe('step')
    expect(a.queryButton('Create offer')).not.toBeNull()
    // Not shown rather than disabled: nothing to complete, nothing to answer, nothing to hang up.
    for (const name of ['Complete connection', 'Create answer', 'Hang up', 'Copy', 'Reconnect']) {
      expect(a.queryButton(name), name).toBeNull()
    }
    expect(a.region.textContent).not.toMatch(/phase:|Candidates in this signal|host \d/)

    fireEvent.click(a.button('Create offer'))
    await waitForSignal(a)
    expect(steps[1]?.getAttribute('aria-current')).toBe('step')
    for (const name of ['Copy', 'Copy link', 'Show QR code'])
      expect(a.queryButton(name)).not.toBeNull()
    expect(a.queryButton('Create offer')).toBeNull()
    // An empty Remote signal never enables Complete connection.
    expect(a.button('Complete connection')).toHaveProperty('disabled', true)
    paste(a.remoteSignal(), '  \n ')
    expect(a.button('Complete connection')).toHaveProperty('disabled', true)
    paste(a.remoteSignal(), 'something')
    expect(a.button('Complete connection')).toHaveProperty('disabled', false)
  })

  it('offers to answer an invite pasted into a Caller tab', async () => {
    render(
      <>
        <VideoCall iceServers={[]} />
        <VideoCall iceServers={[]} />
      </>,
    )
    const [a, b] = calls() as [CallUi, CallUi]
    fireEvent.click(a.button('Create offer'))
    const offer = await waitForSignal(a)
    // B is a Caller tab (the default) and gets the invite pasted.
    paste(b.remoteSignal(), offer)
    expect(b.region.textContent).toContain('This is an invite to a call, not a reply.')
    expect(b.remoteSignal().getAttribute('aria-describedby')).toBeTruthy()
    fireEvent.click(b.button('Answer it instead'))
    expect(b.radio('Callee')).toHaveProperty('checked', true)
    expect(b.remoteSignal().value).toBe(offer)
    // The callee's steps: the invite is in, Create answer is the action.
    const steps = within(b.region).getAllByRole('listitem')
    expect(steps.map((s) => s.querySelector('h2')?.textContent)).toEqual([
      '1Paste the invite',
      '2Send your reply',
    ])
    fireEvent.click(b.button('Create answer'))
    await waitForSignal(b)
    expect(b.region.textContent).toContain('Waiting for the other person…')
    expect(steps[1]?.getAttribute('aria-current')).toBe('step')
    expect(b.queryButton('Create answer')).toBeNull()
  })

  it('shows a paste error at the field (aria-invalid, aria-describedby), and clears it', async () => {
    render(<VideoCall iceServers={[]} defaultRole="callee" />)
    const [b] = calls() as [CallUi]
    paste(b.remoteSignal(), 'hello there')
    fireEvent.click(b.button('Create answer'))
    await waitFor(() => expect(b.remoteSignal().getAttribute('aria-invalid')).toBe('true'))
    const described = document.getElementById(
      b.remoteSignal().getAttribute('aria-describedby') ?? '',
    )
    expect(within(described as HTMLElement).getByRole('alert').textContent).toContain(
      'This is not a call signal.',
    )
    fireEvent.click(within(described as HTMLElement).getByRole('button', { name: 'Dismiss' }))
    expect(b.remoteSignal().getAttribute('aria-invalid')).toBeNull()
  })

  it('shows one media error with Try again, which starts the camera once allowed', async () => {
    let denied = true
    const media = trackMediaTracks((constraints) =>
      denied
        ? Promise.reject(new DOMException('denied', 'NotAllowedError'))
        : media.original(constraints),
    )
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Start camera'))
    const alert = await within(a.region).findByRole('alert')
    expect(alert.textContent).toContain('Camera and microphone permission was denied.')
    // The hint once: not repeated by a device list or a notice.
    const hint = alert.querySelector('.rpc-error__hint')?.textContent ?? ''
    expect(a.region.textContent?.split(hint).length).toBe(2)
    denied = false
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }))
    await waitFor(() => expect(media.live().length).toBeGreaterThan(0))
    await waitFor(() => expect(a.alerts()).toHaveLength(0))
    await expectPlayingVideo(a.localVideo())
  })
})

describe('given Complete connection is clicked and the browser takes its time with the answer', () => {
  it('shows the call at once, with the lobby hidden behind it and nothing named twice', async () => {
    // The caller's browser applies answers 400 ms late, so the moment in between can be looked at.
    const apply = RTCPeerConnection.prototype.setRemoteDescription
    RTCPeerConnection.prototype.setRemoteDescription = async function (
      this: RTCPeerConnection,
      description?: RTCSessionDescriptionInit,
    ) {
      if (description?.type === 'answer') await new Promise((resolve) => setTimeout(resolve, 400))
      return Reflect.apply(apply, this, [description]) as Promise<void>
    } as typeof apply
    try {
      const [a, b] = renderCallerAndCallee()
      fireEvent.click(a.button('Create offer'))
      paste(b.remoteSignal(), await waitForSignal(a))
      fireEvent.click(b.button('Create answer'))
      const box = a.remoteSignal()
      paste(box, await waitForSignal(b))
      // The call view made ahead holds the stream the other person will arrive on, in a video
      // that is neither shown nor named yet: its player is ready before the click.
      const ahead = a.region.querySelector<HTMLVideoElement>('.rpc-stage .rpc-tile--remote video')
      const held = ahead?.srcObject
      expect(held).toBeInstanceOf(MediaStream)
      expect(ahead?.getAttribute('aria-label')).toBeNull()
      // Open before the click: until the answer is applied, the call's bar has only Hang up.
      a.openDetails()
      fireEvent.click(a.button('Complete connection'))

      // The call view, while the answer is still being applied: the other person's tile, what
      // the call does, and Hang up (the rest of the bar comes once the answer is applied).
      await waitFor(() => expect(a.region.dataset.view).toBe('call'))
      expect(a.statePanel().textContent).toContain('signaling: have-local-offer')
      expect(within(a.region).getByText('Connecting…')).toBeTruthy()
      const controls = within(a.region).getByRole('group', { name: 'Call controls' })
      const buttons = within(controls).getAllByRole('button')
      expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual(['Hang up'])
      expect(a.queryButton('Complete connection')).toBeNull()
      // The lobby is behind it: mounted (its field is the same element), out of sight and of the
      // accessibility tree, and nothing it names is named twice.
      expect(box.isConnected).toBe(true)
      expect(getComputedStyle(box.closest('.rpc-lobby') as Element).display).toBe('none')
      expect(within(a.region).getAllByLabelText('Local video')).toHaveLength(1)
      expect(within(a.region).getAllByLabelText('Remote video')).toHaveLength(1)
      expect(within(a.region).getAllByRole('button', { name: 'Hang up' })).toHaveLength(1)
      // The very video and stream it held: nothing was loaded again at the click.
      expect(within(a.region).getByLabelText('Remote video')).toBe(ahead)
      expect(ahead?.srcObject).toBe(held)

      // Once the answer is applied and the picture is there, the lobby is gone, the whole bar is
      // there, and the call is connected.
      await waitFor(() => expect(box.isConnected).toBe(false), { timeout: 5_000 })
      await waitFor(() => expect(a.statePanel().textContent).toContain('connection: connected'))
      await expectPlayingVideo(a.remoteVideo())
      expect(a.queryButton('Mute microphone')).not.toBeNull()
    } finally {
      RTCPeerConnection.prototype.setRemoteDescription = apply
    }
  })
})

/**
 * Two calls, then the click on Complete connection; the callee's camera is a canvas that shows
 * nothing until `draw()` (with `receiveOnly`, the callee has no camera or microphone at all).
 * `atConnected` resolves the caller's region state at the moment its browser reports `connected`;
 * `clickedAt` is when the click was made (`performance.now()`).
 */
async function clickWithPictureHeldBack({ receiveOnly = false } = {}) {
  const connections = trackPeerConnections()
  const [a, b] = renderCallerAndCallee()
  fireEvent.click(a.button('Create offer'))
  const offer = await waitForSignal(a)
  const canvas = document.createElement('canvas')
  canvas.width = 64
  canvas.height = 48
  const camera = canvas.captureStream(0).getVideoTracks()[0] as CanvasCaptureMediaStreamTrack
  const media = trackMediaTracks(async () => {
    if (receiveOnly) throw new DOMException('denied', 'NotAllowedError')
    const microphone = await media.original({ audio: true })
    return new MediaStream([...microphone.getAudioTracks(), camera])
  })
  paste(b.remoteSignal(), offer)
  fireEvent.click(b.button('Create answer'))
  paste(a.remoteSignal(), await waitForSignal(b))
  // Open before the click: until the answer is applied, the call's bar has only Hang up.
  a.openDetails()
  const caller = connections.live().find((pc) => pc.signalingState === 'have-local-offer')
  if (!caller) throw new Error('no caller connection waiting for its answer')
  const atConnected = new Promise<string | undefined>((resolve) => {
    caller.addEventListener('connectionstatechange', () => {
      if (caller.connectionState === 'connected') resolve(a.region.dataset.state)
    })
  })
  const clickedAt = performance.now()
  fireEvent.click(a.button('Complete connection'))
  // From then on a frame every 50 ms, as a camera gives them (an encoder may drop a lone frame).
  const draw = () => {
    const timer = setInterval(() => {
      canvas.getContext('2d')?.fillRect(0, 0, 64, 48)
      camera.requestFrame()
    }, 50)
    defer(() => clearInterval(timer))
  }
  return { a, atConnected, draw, clickedAt }
}

describe('given Complete connection is clicked', () => {
  it('the call view stands still while the browser connects, until the first frame', async () => {
    const { a, atConnected, draw, clickedAt } = await clickWithPictureHeldBack()
    // The browser says connected: the view still shows the moment of the click (no render takes
    // the processor from the connection and the first frame).
    expect(await atConnected).toBe('connecting')
    expect(a.statePanel().textContent).toContain('signaling: have-local-offer')
    expect(a.queryButton('Hang up')).not.toBeNull()
    // The other person's first frame: everything of the meantime shows in one go, sooner than
    // the longest the view may stand still (so the frame let it go, not the time).
    draw()
    await waitFor(() => expect(a.region.dataset.state).toBe('connected'))
    expect(performance.now() - clickedAt).toBeLessThan(QUIET_MAX_MS)
    expect(a.statePanel().textContent).toContain('connection: connected')
    expect(a.queryButton('Mute microphone')).not.toBeNull()
  })

  it('with no picture coming, the view catches up after a second', async () => {
    const { a, atConnected } = await clickWithPictureHeldBack()
    expect(await atConnected).toBe('connecting')
    await waitFor(() => expect(a.region.dataset.state).toBe('connected'), { timeout: 3_000 })
    expect(a.statePanel().textContent).toContain('connection: connected')
  })

  it('with nothing coming from the other side (receive-only), it does not wait', async () => {
    const { a, atConnected } = await clickWithPictureHeldBack({ receiveOnly: true })
    expect(await atConnected).toBe('connected')
    expect(a.queryButton('Mute microphone')).not.toBeNull()
  })
})

/**
 * A call whose cameras are canvases that show nothing until `draw()`, answered and completed; the
 * callee's region, and a promise of its view at the moment its browser reports `connected`.
 */
async function answerWithPicturesHeldBack() {
  const connections = trackPeerConnections()
  const canvases: HTMLCanvasElement[] = []
  const cameras: CanvasCaptureMediaStreamTrack[] = []
  const media = trackMediaTracks(async () => {
    const canvas = document.createElement('canvas')
    canvas.width = 64
    canvas.height = 48
    canvases.push(canvas)
    const camera = canvas.captureStream(0).getVideoTracks()[0] as CanvasCaptureMediaStreamTrack
    cameras.push(camera)
    const microphone = await media.original({ audio: true })
    return new MediaStream([...microphone.getAudioTracks(), camera])
  })
  const [a, b] = renderCallerAndCallee()
  fireEvent.click(a.button('Create offer'))
  paste(b.remoteSignal(), await waitForSignal(a))
  fireEvent.click(b.button('Create answer'))
  const answer = await waitForSignal(b)
  const callee = connections.live().findLast((pc) => pc.signalingState === 'stable')
  if (!callee) throw new Error('no callee connection waiting for the caller')
  const atConnected = new Promise<string | undefined>((resolve) => {
    callee.addEventListener('connectionstatechange', () => {
      if (callee.connectionState === 'connected') resolve(b.region.dataset.view)
    })
  })
  paste(a.remoteSignal(), answer)
  fireEvent.click(a.button('Complete connection'))
  const draw = () => {
    const timer = setInterval(() => {
      canvases.forEach((canvas) => canvas.getContext('2d')?.fillRect(0, 0, 64, 48))
      cameras.forEach((camera) => camera.requestFrame())
    }, 50)
    defer(() => clearInterval(timer))
  }
  return { b, atConnected, draw }
}

describe('given the callee waits with its answer out', () => {
  it('its lobby stands still at connected, and the call shows with the first frame', async () => {
    const { b, atConnected, draw } = await answerWithPicturesHeldBack()
    // Connected: nothing renders while its browser starts sending (the call view is made ahead).
    expect(await atConnected).toBe('lobby')
    const connectedAt = performance.now()
    expect(b.region.dataset.view).toBe('lobby')
    // The caller's first frame: the call shows, sooner than the longest the view may stand still.
    draw()
    await waitFor(() => expect(b.region.dataset.view).toBe('call'))
    expect(performance.now() - connectedAt).toBeLessThan(QUIET_MAX_MS)
    expect(b.region.dataset.state).toBe('connected')
    await expectPlayingVideo(b.remoteVideo())
    expect(within(b.region).getByLabelText('Security code').textContent).toMatch(/^\d{3} \d{3}$/)
  })

  it('with no picture coming, its call shows after a second', async () => {
    const { b, atConnected } = await answerWithPicturesHeldBack()
    expect(await atConnected).toBe('lobby')
    await waitFor(() => expect(b.region.dataset.view).toBe('call'), { timeout: 3_000 })
    expect(b.region.dataset.state).toBe('connected')
  })
})

describe('given Details', () => {
  it('on a phone, in a lobby taller than the screen, opening it brings its sheet into view', async () => {
    await page.viewport(390, 844)
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    fireEvent.click(a.button('Create offer'))
    await waitForSignal(a)
    fireEvent.click(a.button('Show QR code'))
    expect(document.documentElement.scrollHeight).toBeGreaterThan(window.innerHeight)
    fireEvent.click(within(a.region).getByRole('button', { name: 'Details' }))
    const panel = within(a.region).getByRole('complementary', { name: 'Details' })
    await waitFor(() => {
      const box = panel.getBoundingClientRect()
      expect(box.top).toBeGreaterThanOrEqual(0)
      expect(box.top).toBeLessThan(window.innerHeight - 100)
    })
  })

  it('is closed by default, opens from its toggle with everything about the protocol, and closes', async () => {
    render(<VideoCall iceServers={[]} />)
    const [a] = calls() as [CallUi]
    const toggle = within(a.region).getByRole('button', { name: 'Details' })
    expect(toggle.getAttribute('aria-expanded')).toBe('false')
    expect(within(a.region).queryByRole('status', { name: 'Connection state' })).toBeNull()
    fireEvent.click(toggle)
    expect(toggle.getAttribute('aria-expanded')).toBe('true')
    const panel = within(a.region).getByRole('complementary', { name: 'Details' })
    expect(panel.id).toBe(toggle.getAttribute('aria-controls'))
    expect(within(panel).getByRole('status', { name: 'Connection state' }).textContent).toContain(
      'phase: idle',
    )
    expect(within(panel).getByRole('combobox', { name: 'Signal format' })).toBeTruthy()
    // The diagnostics half of Details is a lazy chunk: it appears once loaded.
    expect(await within(panel).findByRole('button', { name: 'Copy debug report' })).toBeTruthy()
    fireEvent.click(within(panel).getByRole('button', { name: 'Close details' }))
    expect(within(a.region).queryByRole('complementary', { name: 'Details' })).toBeNull()
  })
})

describe.each([
  ['a desktop', 1280, 800],
  ['a phone', 390, 844],
  ['a phone held sideways', 844, 390],
])('given a connected call on %s (%i×%i)', (_name, width, height) => {
  it('fills the screen with the other person, keeps the bar in view, and nothing scrolls', async () => {
    await page.viewport(width, height)
    const { a, b } = renderTabs()
    await connectByPaste(a, b)
    await expectPlayingVideo(a.remoteVideo())
    // As a person sees it: Details closed (the helpers opened it to read the state panel).
    a.closeDetails()
    const seen = measure(a)
    // The remote video is the hero: most of the screen (the header of a page takes the rest).
    expect(seen.videoShare).toBeGreaterThan(0.75)
    expect(seen.videoInView).toBe(true)
    expect(seen.barInView).toBe(true)
    expect(seen.scrollsDown).toBe(false)
    expect(seen.scrollsSideways).toBe(false)
    // No signal boxes during a connected call; the self view is small.
    expect(a.region.querySelector('textarea')).toBeNull()
    const self = a.localVideo().getBoundingClientRect()
    expect((self.width * self.height) / (innerWidth * innerHeight)).toBeLessThan(0.12)
    const targets = smallTargets(a.region)
    expect(targets.count).toBeGreaterThanOrEqual(5)
    expect(targets.small).toEqual([])
    // Inputs at 16 px or more (iOS zooms into smaller ones).
    a.openDetails()
    for (const field of a.region.querySelectorAll('select, input, textarea')) {
      expect(parseFloat(getComputedStyle(field).fontSize)).toBeGreaterThanOrEqual(16)
    }
    console.log(
      `[layout] ${width}×${height}: remote video ${Math.round(seen.videoShare * 100)} % of the screen, ${targets.count} touch targets ≥ 44 px`,
    )
  })
})

describe('given the other person hangs up while muted', () => {
  it('shows Call ended without their badges, and Call again goes back to the lobby', async () => {
    const { a, b } = renderTabs()
    await connectByPaste(a, b)
    fireEvent.click(b.button('Mute microphone'))
    fireEvent.click(b.button('Turn camera off'))
    await waitFor(() => expect(a.region.textContent).toContain('Their microphone is muted'))
    await waitFor(() => expect(a.region.textContent).toContain('Their camera is off'))
    fireEvent.click(b.button('Hang up'))
    await within(a.region).findByRole('heading', { name: 'Call ended' })
    expect(a.region.textContent).toContain('The other person hung up.')
    expect(a.region.textContent).not.toMatch(/Their (microphone|camera)/)
    expect(a.region.querySelectorAll('video')).toHaveLength(0)
    fireEvent.click(a.button('Call again'))
    expect(a.queryButton('Create offer')).not.toBeNull()
    await connectByPaste(a, b)
    await expectPlayingVideo(a.remoteVideo())
  })
})

describe('given every state of the call, in both languages', () => {
  it.each([
    ['English', undefined],
    ['Chinese', MESSAGES_ZH_CN],
  ])('has no axe violations (%s)', async (_language, messages) => {
    const { a, b } = renderTabs(messages ? { messages } : {})
    const names = messages?.labels ?? null
    const states: string[] = []
    const check = async (state: string) => {
      states.push(state)
      expect(await violations(a.region), state).toEqual([])
    }
    await check('lobby')
    const button = (name: keyof typeof MESSAGES_ZH_CN.labels, fallback: string) =>
      within(a.region).getByRole('button', { name: names ? String(names[name]) : fallback })
    fireEvent.click(button('createOffer', 'Create offer'))
    const local = () =>
      within(a.region).getByRole('textbox', { name: names ? names.localSignal : 'Local signal' })
    await waitFor(() => expect((local() as HTMLTextAreaElement).value).not.toBe(''))
    await check('waiting for the reply')
    fireEvent.click(button('details', 'Details'))
    await check('lobby with Details')
    fireEvent.click(button('details', 'Details'))
    // The rest of the call in English on the other tab (only this tab is checked).
    fireEvent.click(b.radio('Callee') as HTMLElement)
    paste(b.remoteSignal(), (local() as HTMLTextAreaElement).value)
    fireEvent.click(b.button('Create answer'))
    const remote = within(a.region).getByRole('textbox', {
      name: names ? names.remoteSignal : 'Remote signal',
    })
    paste(remote as HTMLTextAreaElement, await waitForSignal(b))
    fireEvent.click(button('completeConnection', 'Complete connection'))
    const video = await within(a.region).findByLabelText(names ? names.remoteVideo : 'Remote video')
    await expectPlayingVideo(video as HTMLVideoElement)
    // The whole call view comes with the picture (the view stands still until it is shown).
    await within(a.region).findByRole('button', { name: names ? names.details : 'Details' })
    await check('in the call')
    fireEvent.click(button('details', 'Details'))
    await check('in the call with Details')
    fireEvent.click(button('hangUp', 'Hang up'))
    await within(a.region).findByRole('heading', { name: names ? names.callEnded : 'Call ended' })
    await check('ended')
    expect(states).toHaveLength(6)
  })
})
