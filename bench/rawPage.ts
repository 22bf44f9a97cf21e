// The tutorial's lab page with the raw API (bench/rawTutorial.ts): Create offer / Create answer /
// Complete connection and two textboxes, as a person uses it in two tabs.
import { rawAnswer, rawComplete, rawOffer, rawPeer, type RawPeer } from './rawTutorial'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const localSignal = $<HTMLTextAreaElement>('localSignal')
const remoteSignal = $<HTMLTextAreaElement>('remoteSignal')
let peer: RawPeer | null = null

async function start(): Promise<RawPeer> {
  const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true })
  $<HTMLVideoElement>('local').srcObject = stream
  peer = rawPeer({ iceServers: [] }, stream)
  $<HTMLVideoElement>('remote').srcObject = peer.remote
  return peer
}

$('offer').addEventListener('click', async () => {
  localSignal.value = await rawOffer(await start())
})
$('answer').addEventListener('click', async () => {
  localSignal.value = await rawAnswer(await start(), remoteSignal.value)
})
$('complete').addEventListener('click', () => {
  if (peer) void rawComplete(peer, remoteSignal.value)
})
