// The benchmark page: each function measures one thing in this browser and returns numbers.
// bench/run.mjs drives it in headless Chromium; nothing here asserts anything.
import { useEffect, type ReactNode } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { flushSync } from 'react-dom'
import {
  createPeerSession,
  summarizeStats,
  useMaybeLocalMediaContext,
  VideoCall,
  VideoCallLayout,
  type PeerSession,
} from '../src'
import { ComposedCall } from '../demo/examples/ComposedCall'
import { rawAnswer, rawComplete, rawOffer, rawPeer } from './rawTutorial'

type Approach = 'raw' | 'kit' | 'simple-peer'

interface SimplePeerInstance {
  signal(data: unknown): void
  on(event: string, listener: (value: never) => void): void
  destroy(): void
}
type SimplePeerConstructor = new (options: Record<string, unknown>) => SimplePeerInstance

const camera = () => navigator.mediaDevices.getUserMedia({ audio: true, video: true })
const HOST_ONLY: RTCConfiguration = { iceServers: [] }
const cleanups: (() => void)[] = []
const cleanUp = () => {
  for (const undo of cleanups.splice(0).reverse()) undo()
}
const stopAll = (...streams: MediaStream[]) => {
  for (const stream of streams) for (const track of stream.getTracks()) track.stop()
}

/**
 * When the first frame of the remote stream is presented. The <video> is on the page before the
 * answer is applied, as in an app (the tutorial's page and the kit's `RemoteVideo` keep theirs
 * mounted); each approach hands it the stream as soon as it has one.
 */
function firstFrame(stream: Promise<MediaStream> | MediaStream): Promise<number> {
  const video = document.createElement('video')
  video.muted = true
  video.playsInline = true
  document.body.append(video)
  cleanups.push(() => video.remove())
  return Promise.resolve(stream).then(
    (ready) =>
      new Promise((resolve) => {
        video.srcObject = ready
        void video.play()
        video.requestVideoFrameCallback((now) => resolve(now))
      }),
  )
}

function once<T>(peer: SimplePeerInstance, event: string): Promise<T> {
  return new Promise((resolve) => peer.on(event, (value: never) => resolve(value as T)))
}

function whenRemote(session: PeerSession): Promise<MediaStream> {
  return new Promise((resolve) => {
    const check = () => {
      const stream = session.getState().remoteStream
      if (stream) resolve(stream)
    }
    session.subscribe(check)
    check()
  })
}

/** One call between two peers on this page: signal sizes, and answer applied → first remote frame. */
async function connectOnce(approach: Approach) {
  const [sA, sB] = await Promise.all([camera(), camera()])
  cleanups.push(() => stopAll(sA, sB))
  try {
    if (approach === 'raw') {
      const a = rawPeer(HOST_ONLY, sA)
      const b = rawPeer(HOST_ONLY, sB)
      cleanups.push(() => (a.pc.close(), b.pc.close()))
      const offer = await rawOffer(a)
      const answer = await rawAnswer(b, offer)
      const frame = firstFrame(a.remote)
      const t0 = performance.now()
      await rawComplete(a, answer)
      return { connectMs: (await frame) - t0, offerChars: offer.length, answerChars: answer.length }
    }
    if (approach === 'kit') {
      const a = createPeerSession({ iceServers: [] })
      const b = createPeerSession({ iceServers: [] })
      cleanups.push(() => (a.dispose(), b.dispose()))
      await a.createOffer({ media: sA })
      const offer = a.getState().localSignal
      await b.createAnswer(offer, { media: sB })
      const answer = b.getState().localSignal
      const frame = firstFrame(whenRemote(a))
      const t0 = performance.now()
      void a.completeConnection(answer)
      const connectMs = (await frame) - t0
      // The same two descriptions in the tutorial's JSON, for the size table.
      await a.setSignalFormat('json')
      await b.setSignalFormat('json')
      return {
        connectMs,
        offerChars: offer.length,
        answerChars: answer.length,
        jsonOfferChars: a.getState().localSignal.length,
        jsonAnswerChars: b.getState().localSignal.length,
      }
    }
    const SimplePeer = (window as unknown as { SimplePeer: SimplePeerConstructor }).SimplePeer
    const config = { iceServers: [] }
    const a = new SimplePeer({ initiator: true, trickle: false, stream: sA, config })
    const b = new SimplePeer({ trickle: false, stream: sB, config })
    cleanups.push(() => (a.destroy(), b.destroy()))
    const offer = await once<unknown>(a, 'signal')
    b.signal(offer)
    const answer = await once<unknown>(b, 'signal')
    const frame = firstFrame(once<MediaStream>(a, 'stream'))
    const t0 = performance.now()
    a.signal(answer)
    const connectMs = (await frame) - t0
    return {
      connectMs,
      offerChars: JSON.stringify(offer).length,
      answerChars: JSON.stringify(answer).length,
    }
  } finally {
    cleanUp()
  }
}

/** Time until an offer can be copied when the STUN server never answers. */
async function offerReadyWithSilentStun(approach: 'raw' | 'kit', stunUrl: string) {
  const stream = await camera()
  try {
    const t0 = performance.now()
    if (approach === 'raw') {
      const peer = rawPeer({ iceServers: [{ urls: stunUrl }] }, stream)
      await rawOffer(peer)
      peer.pc.close()
    } else {
      const session = createPeerSession({ iceServers: [{ urls: stunUrl }] })
      await session.createOffer({ media: stream })
      session.dispose()
    }
    return performance.now() - t0
  } finally {
    stopAll(stream)
  }
}

/** What one poll of useCallStats costs: getStats plus the summary, on a call with media flowing. */
async function statsPollCost(polls = 30) {
  const [sA, sB] = await Promise.all([camera(), camera()])
  const a = createPeerSession({ iceServers: [] })
  const b = createPeerSession({ iceServers: [] })
  try {
    await a.createOffer({ media: sA })
    await b.createAnswer(a.getState().localSignal, { media: sB })
    await a.completeConnection(b.getState().localSignal)
    await firstFrame(await whenRemote(a))
    let totals = null
    const times: number[] = []
    for (let i = 0; i < polls; i++) {
      const t0 = performance.now()
      const report = await a.getStats()
      if (report) {
        totals = summarizeStats(
          report as unknown as Parameters<typeof summarizeStats>[0],
          totals,
          Date.now(),
        ).totals
      }
      times.push(performance.now() - t0)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    times.sort((x, y) => x - y)
    return { medianMs: times[Math.floor(times.length / 2)] ?? 0, maxMs: times.at(-1) ?? 0 }
  } finally {
    a.dispose()
    b.dispose()
    stopAll(sA, sB)
    cleanUp()
  }
}

// --- React ---------------------------------------------------------------------------------------

let root: Root | null = null
/** Renders, then lets passive effects run (sessions are created in effects), as before a click. */
async function mount(node: ReactNode) {
  const container = document.getElementById('root') as HTMLElement
  root?.unmount()
  root = createRoot(container)
  flushSync(() => root?.render(node))
  await new Promise((resolve) => setTimeout(resolve, 100))
}
function unmount() {
  root?.unmount()
  root = null
}

function until(check: () => boolean, what: string, timeout = 30_000): Promise<void> {
  const started = performance.now()
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) resolve()
      else if (performance.now() - started > timeout) reject(new Error(`timed out: ${what}`))
      else requestAnimationFrame(tick)
    }
    tick()
  })
}

const byText = (region: Element, tag: string, text: string) =>
  [...region.querySelectorAll(tag)].find((el) => el.textContent === text) as HTMLElement
// The call UI shows Local signal only once there is one: '' until then.
const signalOf = (region: Element) =>
  (region.querySelector('textarea[readonly]') as HTMLTextAreaElement | null)?.value ?? ''
function paste(region: Element, text: string) {
  const textarea = region.querySelector('textarea:not([readonly])') as HTMLTextAreaElement
  const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set
  setter?.call(textarea, text)
  textarea.dispatchEvent(new Event('input', { bubbles: true }))
}

/** Drives a full call setup through the UI of two calls: offer, answer, complete, first frames. */
async function driveCall() {
  const [caller, callee] = [...document.querySelectorAll('section')] as unknown as [
    Element,
    Element,
  ]
  byText(caller, 'button', 'Create offer').click()
  await until(() => signalOf(caller) !== '', 'the offer')
  paste(callee, signalOf(caller))
  const calleeRadio = callee.querySelector('input[value="callee"]') as HTMLInputElement | null
  calleeRadio?.click()
  byText(callee, 'button', 'Create answer').click()
  await until(() => signalOf(callee) !== '', 'the answer')
  paste(caller, signalOf(callee))
  byText(caller, 'button', 'Complete connection').click()
  await until(
    () =>
      [...document.querySelectorAll<HTMLVideoElement>('video[aria-label="Remote video"]')].every(
        (v) => v.videoWidth > 0 && v.currentTime > 0.5,
      ),
    'remote video on both sides',
  )
}

interface RenderCounter {
  reset(): void
  read(): { commits: number; renders: Record<string, number> }
}
const counter = () => (window as unknown as { renderCounter: RenderCounter }).renderCounter

/**
 * React commits over one full call setup (two tabs' worth: caller and callee), and how many of them
 * each of the kit's components rendered in: the whole <VideoCall />, and the README's composed call.
 */
async function reactCommits() {
  const measure = async (node: ReactNode) => {
    await mount(node)
    counter().reset()
    await driveCall()
    const result = counter().read()
    unmount()
    return result
  }
  const videoCall = await measure(
    <>
      <VideoCall iceServers={[]} aria-label="Caller" />
      <VideoCall iceServers={[]} defaultRole="callee" aria-label="Callee" />
    </>,
  )
  const composed = await measure(
    <>
      <ComposedCall role="caller" />
      <ComposedCall role="callee" />
    </>,
  )
  return { videoCall, composed }
}

function WarmCamera() {
  const media = useMaybeLocalMediaContext()
  useEffect(() => {
    void media?.start()
  }, [media])
  return null
}

/** From the Create offer click to a signal in Local signal (camera start + gathering). */
async function clickToReady(approach: 'raw' | 'kit-cold' | 'kit-warm') {
  if (approach === 'raw') {
    const t0 = performance.now()
    const stream = await camera()
    const peer = rawPeer(HOST_ONLY, stream)
    await rawOffer(peer)
    const ms = performance.now() - t0
    peer.pc.close()
    stopAll(stream)
    return ms
  }
  await mount(
    approach === 'kit-warm' ? (
      <VideoCall iceServers={[]}>
        <WarmCamera />
        <VideoCallLayout />
      </VideoCall>
    ) : (
      <VideoCall iceServers={[]} />
    ),
  )
  const region = document.querySelector('section') as Element
  if (approach === 'kit-warm') {
    // The preview is on before the click, as in an app that shows it on its call screen.
    await until(
      () =>
        (region.querySelector('video[aria-label="Local video"]') as HTMLVideoElement).videoWidth >
        0,
      'the camera preview',
    )
    // A person looks at their preview for a moment before clicking: meanwhile the layout has
    // prepared the connection (prewarm) and its candidates are gathered.
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
  const t0 = performance.now()
  byText(region, 'button', 'Create offer').click()
  await until(() => signalOf(region) !== '', 'the offer')
  const ms = performance.now() - t0
  unmount()
  return ms
}

Object.assign(window, {
  bench: { connectOnce, offerReadyWithSilentStun, reactCommits, clickToReady, statsPollCost },
})
