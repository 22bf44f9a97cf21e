// The tutorial's lab page with the raw API (bench/rawTutorial.ts): Create offer / Create answer /
// Complete connection and two textboxes, as a person uses it in two tabs.
import { rawAnswer, rawComplete, rawOffer, rawPeer, type RawPeer } from './rawTutorial'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const localSignal = $<HTMLTextAreaElement>('localSignal')
const remoteSignal = $<HTMLTextAreaElement>('remoteSignal')
let peer: RawPeer | null = null
let role: 'caller' | 'callee' = 'caller'

// Experiments (`npm run bench:connect -- --raw-busy SIDE`, `--raw-channel`): the raw page keeps its
// main thread busy the way the kit's UI does around the connection (15 ms right after Complete
// connection on the caller, 20 + 15 ms at `connected`) on `caller`, `callee` or `both` sides, or
// adds the kit's negotiated data channel; to tell what the kit's extra time is made of.
const query = new URLSearchParams(window.location.search)
const busy = query.get('busy')
const keepBusy = (ms: number) => {
  if (busy !== role && busy !== 'both') return
  const end = performance.now() + ms
  while (performance.now() < end) {
    // The main thread, held as a render would hold it.
  }
}

async function start(): Promise<RawPeer> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
  $<HTMLVideoElement>('local').srcObject = stream
  const current = rawPeer({ iceServers: [] }, stream, query.has('channel'))
  current.pc.addEventListener('connectionstatechange', () => {
    if (current.pc.connectionState !== 'connected') return
    keepBusy(20)
    setTimeout(() => keepBusy(15), 0)
  })
  $<HTMLVideoElement>('remote').srcObject = current.remote
  peer = current
  return current
}

$('offer').addEventListener('click', async () => {
  localSignal.value = await rawOffer(await start())
})
$('answer').addEventListener('click', async () => {
  role = 'callee'
  localSignal.value = await rawAnswer(await start(), remoteSignal.value)
})
$('complete').addEventListener('click', () => {
  if (peer) void rawComplete(peer, remoteSignal.value)
  keepBusy(15)
})
