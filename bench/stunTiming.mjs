/* global RTCPeerConnection -- the page.evaluate callback runs in the page */
// When a STUN server's answer arrives, for the gathering budget: a real STUN exchange between
// headless Chromium and a small binding responder here that answers after a chosen delay (the
// round trip to the server; this machine's kernel has no netem), reporting a public-looking mapped
// address so Chromium surfaces the server-reflexive candidate. For each round trip: when the first
// host candidate and the srflx one arrive (from setLocalDescription), and whether the kit's signal
// (50 ms after the srflx, else 500 ms after the first candidate) carries it.
import { createSocket } from 'node:dgram'

const MAGIC = 0x2112a442
const MAPPED = { address: [203, 0, 113, 7], port: 50123 }

/** A STUN binding responder (RFC 8489) on loopback that answers after `delayMs`. */
async function startStun() {
  const socket = createSocket('udp4')
  let delayMs = 0
  let closed = false
  socket.on('message', (msg, rinfo) => {
    if (msg.length < 20 || msg.readUInt16BE(0) !== 0x0001) return
    const response = Buffer.alloc(32)
    response.writeUInt16BE(0x0101, 0) // Binding success response
    response.writeUInt16BE(12, 2)
    msg.copy(response, 4, 4, 20) // magic cookie + transaction id
    response.writeUInt16BE(0x0020, 20) // XOR-MAPPED-ADDRESS
    response.writeUInt16BE(8, 22)
    response.writeUInt16BE(0x0001, 24)
    response.writeUInt16BE(MAPPED.port ^ (MAGIC >>> 16), 26)
    const ip = MAPPED.address.reduce((n, b) => n * 256 + b, 0)
    response.writeUInt32BE((ip ^ MAGIC) >>> 0, 28)
    setTimeout(() => {
      if (!closed) socket.send(response, rinfo.port, rinfo.address)
    }, delayMs)
  })
  await new Promise((resolve) => socket.bind(0, '127.0.0.1', resolve))
  return {
    url: `stun:127.0.0.1:${socket.address().port}`,
    setDelay: (ms) => (delayMs = ms),
    close: () => {
      closed = true
      socket.close()
    },
  }
}

/** @param {import('playwright').Page} page  a page with camera permission (any) */
export async function measureStunTiming(page, { graceMs = 500, settleMs = 50 } = {}) {
  const stun = await startStun()
  const rows = []
  try {
    for (const rttMs of [0, 50, 150, 300, 450, 600]) {
      stun.setDelay(rttMs)
      const times = await page.evaluate(async (url) => {
        const pc = new RTCPeerConnection({
          iceServers: [{ urls: url }],
          bundlePolicy: 'max-bundle',
        })
        pc.createDataChannel('x', { negotiated: true, id: 0 })
        const t0 = performance.now()
        const seen = {}
        await new Promise((resolve) => {
          pc.onicecandidate = (e) => {
            const type = e.candidate && / typ (\w+)/.exec(e.candidate.candidate)?.[1]
            if (type && seen[type] === undefined) seen[type] = performance.now() - t0
            if (type === 'srflx') resolve()
          }
          setTimeout(resolve, 3000)
          void pc.setLocalDescription()
        })
        pc.close()
        return seen
      }, stun.url)
      const host = times.host ?? null
      const srflx = times.srflx ?? null
      const budget = host === null ? null : host + graceMs
      const sentAt = srflx !== null && budget !== null ? Math.min(budget, srflx + settleMs) : budget
      rows.push({
        rttMs,
        hostMs: host,
        srflxMs: srflx,
        signalMs: sentAt,
        carriesSrflx: srflx !== null && srflx <= (budget ?? 0),
      })
    }
  } finally {
    stun.close()
  }
  return rows
}
