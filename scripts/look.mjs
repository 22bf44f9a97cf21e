/* global document, window -- evaluated in the page */
// A quick look at the demo as a person sees it (development aid): two desktop tabs and a phone,
// a copy-paste call through the UI, screenshots in OUT (default /tmp/look).
import { chromium } from 'playwright'
import { createServer } from 'vite'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'

const OUT = process.env.OUT ?? '/tmp/look'
const server = await createServer({ server: { port: 5299, strictPort: false }, logLevel: 'error' })
await server.listen()
const url = `${server.resolvedUrls.local[0]}?stun=`
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
const shot = (page, name) => page.screenshot({ path: `${OUT}/${name}.png` })
try {
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  })
  const a = await desk.newPage()
  await a.goto(url)
  await a.getByRole('button', { name: 'Start camera' }).click()
  await a.waitForTimeout(1200)
  await shot(a, 'desk-lobby')
  await a.getByRole('button', { name: 'Create offer' }).click()
  await a.getByRole('textbox', { name: 'Local signal' }).waitFor()
  await a.waitForTimeout(500)
  await shot(a, 'desk-offer')
  const offer = await a.getByRole('textbox', { name: 'Local signal' }).inputValue()
  const b = await phone.newPage()
  await b.goto(`${url}#offer=${encodeURIComponent(offer)}`)
  await b.waitForTimeout(800)
  await shot(b, 'phone-invited')
  await b.getByRole('button', { name: 'Create answer' }).click()
  await b.getByRole('textbox', { name: 'Local signal' }).waitFor({ timeout: 20000 })
  await b.waitForTimeout(300)
  await shot(b, 'phone-reply')
  const answer = await b.getByRole('textbox', { name: 'Local signal' }).inputValue()
  await a.getByRole('textbox', { name: 'Remote signal' }).fill(answer)
  await a.getByRole('button', { name: 'Complete connection' }).click()
  for (const page of [a, b]) {
    await page.waitForFunction(() => {
      const v = document.querySelector('video[aria-label="Remote video"]')
      return v && v.videoWidth > 0 && v.currentTime > 1
    }, null, { timeout: 20000 })
  }
  await a.waitForTimeout(500)
  await shot(a, 'desk-call')
  await shot(b, 'phone-call')
  const measure = (page) =>
    page.evaluate(() => {
      const r = (sel) => {
        const el = document.querySelector(sel)
        if (!el) return null
        const b = el.getBoundingClientRect()
        return [Math.round(b.x), Math.round(b.y), Math.round(b.width), Math.round(b.height)]
      }
      return {
        scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight, window.innerWidth, window.innerHeight],
        remote: r('video[aria-label="Remote video"]'),
        local: r('video[aria-label="Local video"]'),
        bar: r('.rpc-bar--call'),
        hangUp: r('button[aria-label="Hang up"]'),
        textareas: document.querySelectorAll('textarea').length,
      }
    })
  console.log('desk', JSON.stringify(await measure(a)))
  console.log('phone', JSON.stringify(await measure(b)))
  await a.getByRole('button', { name: 'Details' }).click()
  await a.waitForTimeout(300)
  await shot(a, 'desk-details')
  await b.getByRole('button', { name: 'Details' }).click()
  await b.waitForTimeout(300)
  await shot(b, 'phone-details')
  await b.getByRole('button', { name: 'Close details' }).click()
  await b.setViewportSize({ width: 844, height: 390 })
  await b.waitForTimeout(500)
  await shot(b, 'phone-landscape')
  await a.getByRole('button', { name: 'Hang up' }).click()
  await a.waitForTimeout(800)
  await shot(a, 'desk-ended')
  await shot(b, 'phone-ended')
} finally {
  await browser.close()
  await server.close()
}
