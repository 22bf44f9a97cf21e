#!/usr/bin/env node
// `npm run bench -- --mqtt [--pairs N]`: MQTT signaling under load. Starts one mosquitto
// (server/broker.mjs) on loopback, opens N room pairs at once (default 200: 2N clients of
// `createMqttSignaling`, in this one Node process), and in every room exchanges what a call
// exchanges: a full offer (a real Chromium offer, ~6 kB of SDP, deflated), a full answer, and
// trickled candidates both ways. Reports join times, per-message signaling latency (send → the
// other member's listener), the whole exchange per room, and the broker's memory.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { createServer } from 'vite'
import { spawnSync } from 'node:child_process'
import { cpus } from 'node:os'
import { findMosquitto, freePort, startBroker } from '../server/broker.mjs'

const args = process.argv.slice(2)
const pairsArg = args.indexOf('--pairs')
const PAIRS = pairsArg >= 0 ? Number(args[pairsArg + 1]) : 200
const CANDIDATES = 6

const fixture = JSON.parse(
  readFileSync(new URL('../tests/fixtures/sdp/chromium.json', import.meta.url), 'utf8'),
)
const offer = { type: 'description', description: fixture.offer.sdp }
const answer = { type: 'description', description: fixture.answer.sdp }
const candidate = (pair, k) => ({
  type: 'candidate',
  candidate: {
    candidate: `candidate:${k} 1 udp 2122260223 10.${pair >> 8}.${pair & 255}.${k + 1} ${50000 + k} typ host generation 0`,
    sdpMid: '0',
    sdpMLineIndex: 0,
    usernameFragment: null,
  },
})

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}
const ms = (value) => `${value.toFixed(1)} ms`
const rssKb = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
}
const until = async (read, timeoutMs, what) => {
  const deadline = Date.now() + timeoutMs
  while (!read()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

// The kit's TypeScript, loaded the way an app's bundler would for Node (SSR: mqtt.js's Node build).
const vite = await createServer({
  server: { middlewareMode: true },
  logLevel: 'error',
  appType: 'custom',
})
const { createMqttSignaling } = await vite.ssrLoadModule('/src/mqtt.ts')
const broker = await startBroker({ wsPort: await freePort(), plainPort: await freePort() })
const results = { date: new Date().toISOString(), pairs: PAIRS, node: process.version }
try {
  await new Promise((resolve) => setTimeout(resolve, 300))
  results.brokerIdleKb = rssKb(broker.pid)
  console.log(`[mqtt] ${PAIRS} room pairs (${PAIRS * 2} clients) join one mosquitto at once…`)

  const rooms = Array.from({ length: PAIRS }, (_, pair) => {
    const room = `load-${pair}-${Math.random().toString(36).slice(2)}`
    const make = (username, password) => {
      const startedAt = performance.now()
      const channel = createMqttSignaling({ url: broker.url, room, username, password })
      const end = { channel, startedAt, openAt: 0, sent: [], received: [] }
      channel.subscribe(() => {
        if (!end.openAt && channel.getState().status === 'open') end.openAt = performance.now()
      })
      channel.onMessage((message) => end.received.push({ at: performance.now(), message }))
      return end
    }
    return { a: make('alice', 'alice-dev'), b: make('bob', 'bob-dev') }
  })
  const ends = rooms.flatMap((r) => [r.a, r.b])
  await until(
    () => ends.every((end) => end.openAt || end.channel.getState().status === 'failed'),
    60_000,
    'joins',
  )
  const failed = ends.filter((end) => end.channel.getState().status === 'failed')
  if (failed.length)
    throw new Error(
      `${failed.length} clients failed: ${failed[0].channel.getState().error?.message}`,
    )
  results.joinMs = ends.map((end) => end.openAt - end.startedAt)
  results.brokerConnectedKb = rssKb(broker.pid)

  const send = (end, message) => {
    end.sent.push(performance.now())
    end.channel.send(message)
  }
  const perEnd = CANDIDATES + 2
  /** Every room exchanges what a call does, each starting within `spreadMs` of the first. */
  async function exchange(spreadMs) {
    for (const end of ends) {
      end.sent = []
      end.received = []
    }
    const startedAt = performance.now()
    for (const [pair, { a, b }] of rooms.entries()) {
      // The callee answers once the offer is in.
      const offMessage = b.channel.onMessage((message) => {
        if (message.type !== 'description') return
        offMessage()
        send(b, answer)
        for (let k = 0; k < CANDIDATES; k++) send(b, candidate(pair, k + 10))
        send(b, { type: 'candidate', candidate: null })
      })
      setTimeout(
        () => {
          send(a, offer)
          for (let k = 0; k < CANDIDATES; k++) send(a, candidate(pair, k))
          send(a, { type: 'candidate', candidate: null })
        },
        spreadMs ? Math.random() * spreadMs : 0,
      )
    }
    await until(
      () => rooms.every(({ a, b }) => a.received.length >= perEnd && b.received.length >= perEnd),
      120_000,
      'every message',
    )
    const allMs = performance.now() - startedAt
    // In order, one sender each: the k-th message received is the k-th sent by the other.
    const latencies = []
    const exchanges = []
    for (const { a, b } of rooms) {
      for (const [from, to] of [
        [a, b],
        [b, a],
      ]) {
        from.sent.forEach((at, k) => latencies.push(to.received[k].at - at))
      }
      exchanges.push(a.received[a.received.length - 1].at - a.sent[0])
    }
    return {
      spreadMs,
      allMs,
      latency: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: Math.max(...latencies),
        count: latencies.length,
      },
      exchange: { p50: percentile(exchanges, 50), p99: percentile(exchanges, 99) },
    }
  }

  console.log(
    '[mqtt] every room exchanges an offer, an answer and candidates, all at the same moment…',
  )
  results.burst = await exchange(0)
  results.brokerPeakKb = rssKb(broker.pid)
  console.log(
    '[mqtt] …and again, the rooms starting at random within 10 s (calls starting at their own time)…',
  )
  results.spread = await exchange(10_000)
  results.join = { p50: percentile(results.joinMs, 50), p99: percentile(results.joinMs, 99) }
  delete results.joinMs
  for (const end of ends) end.channel.close()
  await new Promise((resolve) => setTimeout(resolve, 1000))

  const rows = [
    ['clients (room pairs)', `${PAIRS * 2} (${PAIRS})`],
    ['join (connect → room open), p50 / p99', `${ms(results.join.p50)} / ${ms(results.join.p99)}`],
  ]
  for (const [name, run] of [
    ['all rooms at once', results.burst],
    ['rooms spread over 10 s', results.spread],
  ]) {
    rows.push(
      [
        `${name}: signal latency (${run.latency.count} messages) p50 / p99 / max`,
        `${ms(run.latency.p50)} / ${ms(run.latency.p99)} / ${ms(run.latency.max)}`,
      ],
      [
        `${name}: offer sent → answer and candidates back, p50 / p99`,
        `${ms(run.exchange.p50)} / ${ms(run.exchange.p99)}`,
      ],
    )
  }
  rows.push([
    `broker memory (RSS): idle / ${PAIRS * 2} connected / after the exchanges`,
    `${(results.brokerIdleKb / 1024).toFixed(1)} / ${(results.brokerConnectedKb / 1024).toFixed(1)} / ${(results.brokerPeakKb / 1024).toFixed(1)} MB`,
  ])
  const width = Math.max(...rows.map(([label]) => label.length))
  const version = /mosquitto version \S+/.exec(
    spawnSync(findMosquitto(), ['-h'], { encoding: 'utf8' }).stdout,
  )?.[0]
  results.broker = version
  console.log(
    `\nMQTT signaling under load — ${version}, Node ${process.version}, every client in this one Node process, on ${cpus().length} cores\n`,
  )
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`)
  mkdirSync(new URL('../bench-results/', import.meta.url), { recursive: true })
  writeFileSync(
    new URL('../bench-results/mqtt-load.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  console.log('\n[mqtt] wrote bench-results/mqtt-load.json')
} finally {
  await broker.stop()
  await vite.close()
}
process.exit(0)
