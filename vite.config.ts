import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { devNetwork } from './demo/devNetwork.ts'

// The demo's config (`npm start`, `npm run build:demo`). The tests add their projects in
// vitest.config.ts, so the dev server never loads test code.
export default defineConfig({
  // devNetwork: the dev server's network address, for share links made in a tab at localhost.
  plugins: [react(), devNetwork()],
  build: { outDir: 'dist-demo' },
  // Known up front, so a fresh clone's first browser run does not reload mid-test to add them.
  optimizeDeps: { include: ['jsqr', 'qr-scanner', 'qrcode-generator', 'mqtt'] },
})
