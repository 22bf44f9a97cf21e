// `npm run start:https` as another device reaches it: the demo's dev server over HTTPS on every
// interface, opened at the test namespace's own address (10.211.0.1, not loopback) by a headless
// Chromium that accepts the development certificate once, as a phone's browser would.
import { spawn, type ChildProcess } from 'node:child_process'
import { chromium, type Browser } from 'playwright'
import { afterAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs'
import { freePort } from '../../server/broker.mjs'

const inNamespace = process.env.P2P_NETNS === '1'

let server: ChildProcess | undefined
let browser: Browser | undefined
afterAll(async () => {
  await browser?.close()
  if (server?.pid) process.kill(-server.pid, 'SIGTERM')
})

/**
 * Starts `npm run start:https -- --port N --strictPort`; resolves with the first network address
 * it prints (the namespace's veth addresses, 10.211.0.x).
 */
async function startHttps(port: number): Promise<string> {
  const child = spawn('npm', ['run', 'start:https', '--', '--port', String(port), '--strictPort'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  })
  server = child
  let printed = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no Network address in 60 s:\n${printed}`)),
      60_000,
    )
    const read = (chunk: Buffer) => {
      // eslint-disable-next-line no-control-regex -- colour codes, should a terminal ask for them
      printed += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '')
      const address = new RegExp(`Network: +https://(10\\.211\\.0\\.\\d+):${port}/`).exec(
        printed,
      )?.[1]
      if (address) {
        clearTimeout(timer)
        resolve(address)
      }
    }
    child.stdout?.on('data', read)
    child.stderr?.on('data', read)
    child.on('exit', (code) => reject(new Error(`exited ${code}:\n${printed}`)))
  })
}

describe.skipIf(!inNamespace)('npm run start:https, opened from another device', () => {
  it('is a secure context with a camera at the network address, and its links name that address', async () => {
    const port = await freePort()
    // It prints the addresses another device opens.
    const ADDRESS = await startHttps(port)

    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
    const context = await browser.newContext({ ignoreHTTPSErrors: true })
    const phone = await context.newPage()
    await phone.goto(`https://${ADDRESS}:${port}/`)
    const secure = await phone.evaluate(async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: true })
      const live = stream.getVideoTracks()[0]?.readyState
      for (const track of stream.getTracks()) track.stop()
      return { secure: window.isSecureContext, protocol: location.protocol, live }
    })
    expect(secure).toEqual({ secure: true, protocol: 'https:', live: 'live' })

    // The laptop's tab at localhost: its share link names the network address, and says so.
    const laptop = await context.newPage()
    await laptop.goto(`https://localhost:${port}/`)
    await laptop.evaluate(() => {
      const copied: string[] = []
      ;(window as unknown as { copied: string[] }).copied = copied
      navigator.clipboard.writeText = (text: string) => {
        copied.push(text)
        return Promise.resolve()
      }
    })
    await laptop.getByRole('button', { name: 'Create offer' }).click()
    await laptop.getByRole('button', { name: 'Copy link' }).click({ timeout: 30_000 })
    const link = await laptop.evaluate(() => (window as unknown as { copied: string[] }).copied[0])
    expect(link).toMatch(
      new RegExp(`^https://${ADDRESS.replaceAll('.', '\\.')}:${port}/#offer=P2P2\\.OFFER\\.`),
    )
    await expect
      .poll(() => laptop.getByText(`this computer's network address, ${ADDRESS}`).count())
      .toBe(1)

    // The phone opens that link: it is invited, with the offer filled in.
    await phone.goto(link ?? '')
    await phone.getByRole('heading', { name: 'You are invited to a video call' }).waitFor()
  }, 150_000)
})
