/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { playwright } from '@vitest/browser-playwright'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.mjs'
import {
  blockUdp,
  clearLossyUdp,
  lossyUdp,
  narrowUdp,
  unblockUdp,
  widenUdp,
} from './tests/browser/setup/commands'

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

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist-demo' },
  // Known up front, so a fresh clone's first browser run does not reload mid-test to add them.
  optimizeDeps: { include: ['jsqr', 'qrcode-generator'] },
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
          browser: chromium('chromium-browser'),
        },
      },
      {
        extends: true,
        test: {
          // Real network faults (iptables rules in the test's namespace) hit every call running at
          // that moment, so these files run one at a time, in a group of their own: never beside
          // another project's tests.
          name: 'faults',
          include: ['tests/browser/faults/**/*.test.{ts,tsx}'],
          testTimeout: 30_000,
          setupFiles: ['tests/browser/setup/cleanup.ts'],
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          browser: {
            ...chromium('chromium-faults'),
            commands: { blockUdp, unblockUdp, lossyUdp, clearLossyUdp, narrowUdp, widenUdp },
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
})
