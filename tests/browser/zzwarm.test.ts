import { it } from 'vitest'

async function ready(pc: RTCPeerConnection) {
  const t0 = performance.now()
  pc.addTransceiver('audio')
  pc.addTransceiver('video')
  pc.createDataChannel('x', { negotiated: true, id: 0 })
  await pc.setLocalDescription(await pc.createOffer())
  let first = 0
  await new Promise<void>((resolve) => {
    pc.addEventListener('icecandidate', (e) => {
      if (e.candidate && !first) first = performance.now() - t0
      if (!e.candidate) resolve()
    })
    if (pc.iceGatheringState === 'complete') resolve()
  })
  return [first, performance.now() - t0].map(Math.round)
}

it('warm', async () => {
  for (let i = 0; i < 5; i++) {
    const cold = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' })
    const c = await ready(cold)
    cold.close()
    const warm = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle', iceCandidatePoolSize: 1 })
    await new Promise((r) => setTimeout(r, 500))
    const w = await ready(warm)
    warm.close()
    const early = new RTCPeerConnection({ iceServers: [], bundlePolicy: 'max-bundle' })
    await new Promise((r) => setTimeout(r, 500))
    const e = await ready(early)
    early.close()
    console.log(`[warm] cold first/complete ${c} | pool ${w} | early no pool ${e}`)
  }
}, 60_000)
