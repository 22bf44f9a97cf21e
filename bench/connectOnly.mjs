#!/usr/bin/env node
// `npm run bench:connect [-- --runs N]`: only the two-tab connect figure of `npm run bench`
// (bench/twoTabs.mjs), for working on connect time without the rest of the suite.
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.mjs'
import { measureTwoTabs } from './twoTabs.mjs'

const args = process.argv.slice(2)
const runsArg = args.indexOf('--runs')
const runs = runsArg >= 0 ? Number(args[runsArg + 1]) : 7
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
try {
  const { kit, raw } = await measureTwoTabs(browser, { runs })
  const row = (name, s) =>
    `${name.padEnd(4)} first frame median ${Math.round(s.firstFrame.median)} ms, p90 ${Math.round(s.firstFrame.p90)} ms | decode ${Math.round(s.decode)}, SRD ${Math.round(s.setRemoteDescription)}, →connected ${Math.round(s.toConnected)}, →frame ${Math.round(s.connectedToFrame)}, long tasks ${Math.round(s.longTaskMs)} ms | from the click: ICE connected ${Math.round(s.iceConnected)}, Remote video given its stream ${Math.round(s.remoteAttached)}; main thread busy ${Math.round(s.busyMs)} ms`
  console.log(
    `Complete connection click → first remote frame, two tabs, production build, ${runs} runs each`,
  )
  console.log(row('kit', kit))
  console.log(row('raw', raw))
  console.log(
    `ratio: median ${(kit.firstFrame.median / raw.firstFrame.median).toFixed(2)}×, p90 ${(kit.firstFrame.p90 / raw.firstFrame.p90).toFixed(2)}×`,
  )
  if (args.includes('--samples'))
    console.log(JSON.stringify({ kit: kit.samples, raw: raw.samples }))
} finally {
  await browser.close()
}
