// The tutorial's flow, written with the raw API and nothing else: the baseline of the benchmarks.
// Non-trickle: each side waits for iceGatheringState 'complete', then shows its pretty-printed
// {sdp, candidates} bundle.

export interface RawPeer {
  pc: RTCPeerConnection
  candidates: RTCIceCandidateInit[]
  remote: MediaStream
}

export function rawPeer(config: RTCConfiguration, stream: MediaStream, channel = false): RawPeer {
  const pc = new RTCPeerConnection(config)
  // An experiment only (bench/rawPage.ts): the data channel the kit negotiates in every call.
  if (channel) pc.createDataChannel('channel', { negotiated: true, id: 0 })
  const candidates: RTCIceCandidateInit[] = []
  const remote = new MediaStream()
  pc.onicecandidate = (event) => {
    if (event.candidate) candidates.push(event.candidate.toJSON())
  }
  pc.ontrack = (event) => remote.addTrack(event.track)
  for (const track of stream.getTracks()) pc.addTrack(track, stream)
  return { pc, candidates, remote }
}

function gatheringComplete(pc: RTCPeerConnection): Promise<void> {
  return new Promise((resolve) => {
    if (pc.iceGatheringState === 'complete') return resolve()
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState === 'complete') resolve()
    })
  })
}

const bundle = (peer: RawPeer) =>
  JSON.stringify({ sdp: peer.pc.localDescription, candidates: peer.candidates }, null, 2)

export async function rawOffer(peer: RawPeer): Promise<string> {
  await peer.pc.setLocalDescription(await peer.pc.createOffer())
  await gatheringComplete(peer.pc)
  return bundle(peer)
}

async function apply(peer: RawPeer, text: string): Promise<void> {
  const { sdp, candidates } = JSON.parse(text) as {
    sdp: RTCSessionDescriptionInit
    candidates: RTCIceCandidateInit[]
  }
  await peer.pc.setRemoteDescription(sdp)
  for (const candidate of candidates) await peer.pc.addIceCandidate(candidate)
}

export async function rawAnswer(peer: RawPeer, offer: string): Promise<string> {
  await apply(peer, offer)
  await peer.pc.setLocalDescription(await peer.pc.createAnswer())
  await gatheringComplete(peer.pc)
  return bundle(peer)
}

export const rawComplete = apply
