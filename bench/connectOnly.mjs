#!/usr/bin/env node
// `npm run bench:connect [-- --runs N] [--against REF]`: only the two-tab connect figure of
// `npm run bench` (bench/twoTabs.mjs), for working on connect time without the rest of the suite.
// `--against REF` (a commit, a branch, `HEAD`) times that commit's demo in the same rotation, for a
// before/after of a change: separate runs on a shared machine differ by more than most changes do.
// `--hooks` adds the README's call composed from the hooks (bench/hooks.html: ComposedCall alone,
// no VideoCall), and with `--against` that commit's hooks page too. `--mixed` adds a kit tab
// calling a raw one and a raw tab calling a kit one (every kit page then writes the tutorial's
// JSON, the only signal the raw page reads): which side the kit's extra time is on.
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs'
import { measureTwoTabs } from './twoTabs.mjs'

const args = process.argv.slice(2)
const runsArg = args.indexOf('--runs')
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 7
const againstArg = args.indexOf('--against')
const against = againstArg >= 0 ? args[againstArg + 1] : undefined
if (againstArg >= 0 && !against) {
  console.error('--against needs a git ref: a commit, a branch or HEAD, e.g. --against HEAD~1')
  process.exit(2)
}
// Experiments on the raw page, to tell what the kit's extra time is made of: `--raw-busy caller`
// (or `callee`, `both`) holds its main thread as the kit's UI does around the connection;
// `--raw-channel` adds the kit's negotiated data channel.
const busyArg = args.indexOf('--raw-busy')
const busy = busyArg >= 0 ? args[busyArg + 1] : undefined
if (busyArg >= 0 && !['caller', 'callee', 'both'].includes(busy ?? '')) {
  console.error('--raw-busy needs a side: caller, callee or both, e.g. --raw-busy caller')
  process.exit(2)
}
const query = new URLSearchParams()
if (busy) query.set('busy', busy)
if (args.includes('--raw-channel')) query.set('channel', '')
const rawQuery = query.size ? `?${query}` : ''
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
try {
  const mixed = args.includes('--mixed')
  const hooks = args.includes('--hooks')
  const result = await measureTwoTabs(browser, { runs, against, rawQuery, mixed, hooks })
  const { kit, raw, against: before } = result
  const row = (name, s) =>
    `${name.padEnd(12)} first frame median ${Math.round(s.firstFrame.median)} ms, p90 ${Math.round(s.firstFrame.p90)} ms, mean ${Math.round(s.firstFrame.mean)} ms | decode ${Math.round(s.decode)}, SRD ${Math.round(s.setRemoteDescription)}, →connected ${Math.round(s.toConnected)}, →frame ${Math.round(s.connectedToFrame)}, long tasks ${Math.round(s.longTaskMs)} ms | from the click: ICE connected ${Math.round(s.iceConnected)}, Remote video given its stream ${Math.round(s.remoteAttached)}, first frame received ${Math.round(s.received)}, presented ${Math.round(s.presented)}; main thread busy ${Math.round(s.busyMs)} ms; renderers' CPU in 600 ms ${Math.round(s.rendererCpuMs)} ms`
  console.log(
    `Complete connection click → first remote frame, two tabs, production build, ${runs} runs each`,
  )
  console.log(row('kit', kit))
  if (before) console.log(row(against.slice(0, 12), before))
  console.log(row(rawQuery ? `raw${rawQuery}` : 'raw', raw))
  if (hooks) console.log(row('hooks', result.hooks))
  if (result.againstHooks) {
    console.log(row(`${against.slice(0, 6)} hooks`, result.againstHooks))
    console.log(
      `the hooks page against ${against}'s: median ${(result.hooks.firstFrame.median / result.againstHooks.firstFrame.median).toFixed(2)}×, p90 ${(result.hooks.firstFrame.p90 / result.againstHooks.firstFrame.p90).toFixed(2)}×, mean ${(result.hooks.firstFrame.mean / result.againstHooks.firstFrame.mean).toFixed(2)}×`,
    )
  }
  if (mixed) {
    console.log(row('kit → raw', result.kitToRaw))
    console.log(row('raw → kit', result.rawToKit))
  }
  console.log(
    `ratio: median ${(kit.firstFrame.median / raw.firstFrame.median).toFixed(2)}×, p90 ${(kit.firstFrame.p90 / raw.firstFrame.p90).toFixed(2)}×, mean ${(kit.firstFrame.mean / raw.firstFrame.mean).toFixed(2)}×`,
  )
  // What the person sees: the frame on screen (the compositor shows it whatever the page's main
  // thread does), against the moment the page's script is told of it (the figure above).
  const screen = (s) =>
    `${Math.round(s.onScreen.median)} / ${Math.round(s.onScreen.p90)} / ${Math.round(s.onScreen.mean)} ms`
  console.log(
    `on screen (median / p90 / mean): kit ${screen(kit)}${before ? `, ${against.slice(0, 12)} ${screen(before)}` : ''}, raw ${screen(raw)}; ratio: median ${(kit.onScreen.median / raw.onScreen.median).toFixed(2)}×, p90 ${(kit.onScreen.p90 / raw.onScreen.p90).toFixed(2)}×, mean ${(kit.onScreen.mean / raw.onScreen.mean).toFixed(2)}×`,
  )
  if (before)
    console.log(
      `this tree against ${against}: median ${(kit.firstFrame.median / before.firstFrame.median).toFixed(2)}×, p90 ${(kit.firstFrame.p90 / before.firstFrame.p90).toFixed(2)}×, mean ${(kit.firstFrame.mean / before.firstFrame.mean).toFixed(2)}× (${against}: ${(before.firstFrame.median / raw.firstFrame.median).toFixed(2)}× the raw API)`,
    )
  if (args.includes('--samples'))
    console.log(JSON.stringify({ kit: kit.samples, raw: raw.samples }))
} finally {
  await browser.close()
}
