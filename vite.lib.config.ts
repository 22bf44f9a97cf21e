import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The published build is always a production one: with NODE_ENV=test or development inherited from
// the shell (a test runner, `NODE_ENV=development npm pack`), the React plugin would emit
// `react/jsx-dev-runtime` calls, which production React does not export.
process.env.NODE_ENV = 'production'

// The library build: three ESM entries (the kit, `react-p2p-call/mqtt`, `react-p2p-call/locales/zh-CN`), React, react-dom and
// mqtt.js left to the app.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: {
      entry: {
        index: 'src/index.ts',
        mqtt: 'src/mqtt.ts',
        'locales/zh-CN': 'src/locales/zh-CN.ts',
      },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: {
      // React is a peer dependency; the QR libraries dependencies, loaded lazily by the app's bundler.
      // Every subpath of React too (`react/jsx-runtime`, `react-dom/client`, …): a bundled copy would
      // call `require('react')`, which an ES module cannot.
      // mqtt.js is an optional peer dependency of the `mqtt` entry only.
      external: [/^react(-dom)?($|\/)/, 'qrcode-generator', 'qr-scanner', 'mqtt'],
      // Hooks and components need the browser: one client boundary for Next.js's App Router.
      output: { banner: "'use client';" },
    },
  },
})
