// Where the tests, the screenshot script and the benchmarks find a browser, and the flags that make
// a real call possible headless (see ../shared/testing.md).
import { existsSync } from 'node:fs'

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

/** @returns {string | undefined} */
export function findChromium() {
  if (process.env.CHROME_PATH) return process.env.CHROME_PATH
  return CANDIDATES.find((p) => existsSync(p))
}

export const CHROMIUM_ARGS = [
  '--use-fake-ui-for-media-stream',
  // Two fake cameras (and Chromium's three fake microphones), so device switches are tested for
  // both kinds.
  '--use-fake-device-for-media-stream=device-count=2',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
  '--auto-select-desktop-capture-source=Entire screen',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
]
