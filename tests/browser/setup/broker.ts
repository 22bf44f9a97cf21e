import type { Page } from 'playwright'
import type { BrowserCommand } from 'vitest/node'
import { findMosquitto, freePort, startBroker } from '../../../server/broker.mjs'

// A real mosquitto for the MQTT signaling tests (server/broker.mjs: the repository's accounts and
// ACL), on loopback ports of its own inside the test's namespace; and a second tab, for the test of
// a tab that dies in a call.

let broker: Awaited<ReturnType<typeof startBroker>> | null = null
let ports: { wsPort: number; plainPort: number } | null = null
const tabs = new Set<Page>()

/**
 * Whether the MQTT tests run: mosquitto is installed (`apt-get install mosquitto`), or this is CI,
 * which installs it (there a missing broker fails the tests instead of skipping them).
 */
export const brokerAvailable: BrowserCommand<[]> = () =>
  findMosquitto() !== null || process.env.CI === 'true'

/** Starts the broker (again on the same ports after a kill); resolves its WebSocket URL. */
export const brokerStart: BrowserCommand<[]> = async () => {
  if (!broker) {
    ports ??= { wsPort: await freePort(), plainPort: await freePort() }
    broker = await startBroker(ports)
  }
  return broker.url
}

/** Kills the broker (SIGKILL: no goodbye, no will delivered), as a crash would. */
export const brokerKill: BrowserCommand<[]> = async () => {
  const current = broker
  broker = null
  await current?.kill()
  await current?.stop()
}

/** Opens `path` (on the test server) in a new tab of the same browser; resolves once it loaded. */
export const tabOpen: BrowserCommand<[path: string]> = async (context, path) => {
  const page = await context.context.newPage()
  tabs.add(page)
  page.on('pageerror', (error) => console.error('[tab] page error:', error.message))
  await page.goto(new URL(path, context.page.url()).href)
}

/** Crashes every tab opened with `tabOpen`: no pagehide, no goodbye, its sockets simply end. */
export const tabCrash: BrowserCommand<[]> = async () => {
  for (const page of tabs) {
    const cdp = await page.context().newCDPSession(page)
    const crashed = new Promise((resolve) => page.once('crash', resolve))
    // Never answered: the renderer is gone.
    void cdp.send('Page.crash').catch(() => {})
    await Promise.race([crashed, new Promise((resolve) => setTimeout(resolve, 5_000))])
    void page.close().catch(() => {})
  }
  tabs.clear()
}

declare module 'vitest/browser' {
  interface BrowserCommands {
    brokerAvailable: () => Promise<boolean>
    brokerStart: () => Promise<string>
    brokerKill: () => Promise<void>
    tabOpen: (path: string) => Promise<void>
    tabCrash: () => Promise<void>
  }
}
