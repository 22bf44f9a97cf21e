// The other person, in Firefox ESR, for the cross-engine calls: the kit's session with its fake
// camera, driven by jobs from tests/browser/setup/firefox.ts (?jobs=…): make an offer, answer one,
// complete with an answer, or report. Each step reports the local signal and the call's state.
import { createLocalMedia, createPeerSession } from '../../../src'

const jobs = new URLSearchParams(window.location.search).get('jobs') ?? ''
const session = createPeerSession({ iceServers: [] })
const media = createLocalMedia()
const video = document.getElementById('remote') as HTMLVideoElement
session.subscribe(() => {
  const stream = session.getState().remoteStream
  if (stream && video.srcObject !== stream) video.srcObject = stream
})

const until = async (ready: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms
  while (!ready() && Date.now() < end) await new Promise((r) => setTimeout(r, 50))
}
// Headless Firefox paints nothing, so frame counters stay 0: a size and a running clock say
// that remote video is being decoded.
const playing = () => video.videoWidth > 0 && video.currentTime > 0

async function run(op: string, signal = ''): Promise<void> {
  const state = () => session.getState()
  if (op === 'offer') {
    await session.createOffer({ media: () => media.start() })
    await until(() => state().localSignal !== '' || state().error !== null)
  } else if (op === 'answer') {
    await session.createAnswer(signal, { media: () => media.start() })
    await until(() => state().localSignal !== '' || state().error !== null)
  } else if (op === 'complete') {
    await session.completeConnection(signal)
  } else if (op === 'hangup') {
    session.hangUp()
    video.srcObject = null
  }
  if (op === 'complete' || op === 'status') {
    await until(() => state().connectionState === 'connected' || state().error !== null)
    await until(playing, 10_000)
  }
  const s = state()
  await fetch(jobs, {
    method: 'POST',
    body: JSON.stringify({
      userAgent: navigator.userAgent,
      localSignal: s.localSignal,
      phase: s.phase,
      connection: s.connectionState,
      error: s.error?.code ?? null,
      remoteVideo: { width: video.videoWidth, currentTime: video.currentTime },
    }),
  })
}

for (;;) {
  const job = (await (await fetch(`${jobs}job`)).json()) as { op: string; signal?: string }
  if (job.op === 'stop') break
  await run(job.op, job.signal).catch((error: unknown) =>
    fetch(jobs, { method: 'POST', body: JSON.stringify({ error: String(error) }) }),
  )
}
