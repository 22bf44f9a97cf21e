import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

// The published build is always a production one: with NODE_ENV=test or development inherited from
// the shell (a test runner, `NODE_ENV=development npm pack`), the React plugin would emit
// `react/jsx-dev-runtime` calls, which production React does not export.
process.env.NODE_ENV = 'production'

// The library build: one ESM entry, React and react-dom left to the app.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    rolldownOptions: {
      // React is a peer dependency; the QR library a dependency, loaded lazily by the app's bundler.
      // Every subpath of React too (`react/jsx-runtime`, `react-dom/client`, …): a bundled copy would
      // call `require('react')`, which an ES module cannot.
      external: [/^react(-dom)?($|\/)/, 'qrcode-generator'],
      // Hooks and components need the browser: one client boundary for Next.js's App Router.
      output: { banner: "'use client';" },
    },
  },
})
