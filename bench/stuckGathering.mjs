/* global RTCPeerConnection -- the page.evaluate callback runs in the page */
// How often Chromium leaves a new connection gathering for good, with not one candidate, using the
// raw API only (no kit): per run, connection A offers; with --pcs 2, connection B (made 0–10 ms
// later) answers it, so both gather at once in one page. A connection with no candidate within 2 s
// counts as stuck. The kit replaces such a connection after 3 s (README, "A connection that
// gathers nothing is replaced").
//
//   npm run bench:stuck-gathering -- [--runs 800] [--pool 0|1] [--pcs 1|2]
import { chromium } from 'playwright'
import { createServer } from 'node:http'
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs'

const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`)
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback
  if (!Number.isInteger(value) || value < 0) {
    console.error(`--${name} takes a whole number (got ${process.argv[at + 1]})`)
    process.exit(2)
  }
  return value
}
const runs = arg('runs', 800)
const pool = arg('pool', 1)
const pcs = arg('pcs', 2)
// Chromium refuses a 500th live connection in a page: a fresh page every 100 runs.
const PER_PAGE = 100

const server = createServer((_, res) => res.end('<!doctype html><title>gathering</title>'))
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })

async function runOnce(page) {
  return page.evaluate(
    async ({ pool, pcs }) => {
      const first = (pc) =>
        new Promise((resolve) => {
          const timer = setTimeout(() => resolve(false), 2000)
          pc.addEventListener('icecandidate', (e) => {
            if (e.candidate) {
              clearTimeout(timer)
              resolve(true)
            }
          })
        })
      const a = new RTCPeerConnection({ iceCandidatePoolSize: pool })
      a.createDataChannel('d', { negotiated: true, id: 0 })
      a.addTransceiver('audio', { direction: 'recvonly' })
      a.addTransceiver('video', { direction: 'recvonly' })
      const gotA = first(a)
      const offered = a.setLocalDescription()
      await new Promise((r) => setTimeout(r, Math.random() * 10))
      let gotB = Promise.resolve(true)
      let b = null
      if (pcs > 1) {
        b = new RTCPeerConnection({ iceCandidatePoolSize: pool })
        b.createDataChannel('d', { negotiated: true, id: 0 })
        gotB = first(b)
        await offered
        await b.setRemoteDescription(a.localDescription)
        await b.setLocalDescription()
      }
      const result = await Promise.all([gotA, gotB])
      a.close()
      b?.close()
      return result.filter((ok) => !ok).length
    },
    { pool, pcs },
  )
}

let stuck = 0
let context = null
let page = null
for (let i = 0; i < runs; i++) {
  if (i % PER_PAGE === 0) {
    await context?.close()
    context = await browser.newContext()
    page = await context.newPage()
    await page.goto(url)
  }
  stuck += await runOnce(page)
}
await browser.close()
server.close()
console.log(
  `[stuck-gathering] ${runs} runs, ${pcs} connection(s) per run, candidate pool ${pool}: ` +
    `${stuck} of ${runs * pcs} connections gathered nothing in 2 s`,
)
