import { defineConfig, mergeConfig } from 'vitest/config'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import viteConfig from './vite.config.ts'
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs'
import {
  blockUdp,
  clearLossyUdp,
  lossyUdp,
  narrowUdp,
  unblockUdp,
  widenUdp,
} from './tests/browser/setup/commands.ts'
import {
  brokerAvailable,
  brokerKill,
  brokerStart,
  tabCrash,
  tabOpen,
} from './tests/browser/setup/broker.ts'
import {
  avoidLoopback,
  changeAddress,
  relayKill,
  relayStart,
  restoreAddress,
} from './tests/browser/setup/network.ts'
import {
  aiortcAvailable,
  aiortcLine,
  aiortcSend,
  aiortcStart,
  aiortcStop,
} from './tests/browser/setup/aiortc.ts'
import {
  firefoxAvailable,
  firefoxRun,
  firefoxStart,
  firefoxStop,
} from './tests/browser/setup/firefox.ts'

// One browser block for every project that runs in Chromium; each instance needs its own name.
function chromium(name: string) {
  return {
    enabled: true,
    headless: true,
    screenshotFailures: false,
    provider: playwright({
      launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    }),
    instances: [{ browser: 'chromium' as const, name }],
  }
}

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            sequence: { groupOrder: 0 },
            environment: 'node',
            // Pure logic is fast, but cold transforms beside two browser projects on two cores are not.
            testTimeout: 20_000,
            include: ['tests/unit/**/*.test.{ts,tsx}'],
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['tests/browser/**/*.test.{ts,tsx}'],
            exclude: ['tests/browser/faults/**'],
            sequence: { groupOrder: 0 },
            testTimeout: 30_000,
            globalSetup: ['tests/browser/setup/globalSetup.ts'],
            setupFiles: ['tests/browser/setup/cleanup.ts'],
            browser: {
              ...chromium('chromium-browser'),
              // An independent WebRTC stack (aiortc) for the interop tests.
              commands: {
                aiortcAvailable,
                aiortcStart,
                aiortcSend,
                aiortcLine,
                aiortcStop,
                // A real mosquitto and a second tab for the MQTT signaling tests.
                brokerAvailable,
                brokerStart,
                brokerKill,
                tabOpen,
                tabCrash,
                // A real Firefox ESR for the cross-engine calls.
                firefoxAvailable,
                firefoxStart,
                firefoxRun,
                firefoxStop,
              },
            },
          },
        },
        {
          extends: true,
          test: {
            // Real network faults (iptables rules in the test's namespace) hit every call running at
            // that moment, so these files run one at a time, in a group of their own: never beside
            // another project's tests.
            name: 'faults',
            // The long outages (40 s and 2 min) run once per CI run: P2P_LONG_FAULTS=0 skips them.
            provide: { longFaults: process.env.P2P_LONG_FAULTS !== '0' },
            include: ['tests/browser/faults/**/*.test.{ts,tsx}'],
            testTimeout: 30_000,
            setupFiles: ['tests/browser/setup/cleanup.ts'],
            fileParallelism: false,
            sequence: { groupOrder: 1 },
            browser: {
              ...chromium('chromium-faults'),
              commands: {
                blockUdp,
                unblockUdp,
                lossyUdp,
                clearLossyUdp,
                narrowUdp,
                widenUdp,
                changeAddress,
                avoidLoopback,
                restoreAddress,
                relayStart,
                relayKill,
              },
            },
          },
        },
        {
          extends: true,
          plugins: [storybookTest({ configDir: '.storybook' })],
          test: {
            name: 'storybook',
            sequence: { groupOrder: 0 },
            testTimeout: 30_000,
            browser: chromium('chromium-storybook'),
          },
        },
      ],
    },
  }),
)
