// Bundle sizes, minified and gzipped the same way for each: Vite (rolldown) library builds with
// React left external, as an app's bundler would treat a peer dependency. The kit's rows bundle
// what npm publishes (the library build of vite.lib.config.ts), not its sources: a build that
// tree-shakes worse than the sources (one file for the whole kit did: 30.5 kB for an app using
// only the hooks, against 16.0 kB from the sources) shows here.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const ROOT = new URL('..', import.meta.url).pathname
export const EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client']

/**
 * Bundles `entry` into `outDir` as an app's production build would (minified; `external` left to
 * the app), with source maps when asked.
 */
export async function buildApp(entry, outDir, external = EXTERNAL, sourcemap = false) {
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'silent',
    build: {
      outDir,
      minify: true,
      sourcemap,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      // Lib mode keeps whitespace in ES output (for tree-shaking); an app's build minifies fully.
      rolldownOptions: { external, output: { minify: true } },
    },
  })
}

/**
 * The chunk files of a build in `outDir` that load with `start`: those files and every chunk they
 * import statically, and so on, less those already `loaded`.
 */
export function loadedWith(outDir, start, loaded = new Set()) {
  const files = readdirSync(outDir).filter((f) => f.endsWith('.js'))
  const set = new Set(start)
  for (const file of set) {
    const text = readFileSync(join(outDir, file), 'utf8')
    for (const [, name] of text.matchAll(
      /(?:^|[;}\s])(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g,
    )) {
      if (files.includes(name) && !loaded.has(name)) set.add(name)
    }
  }
  return set
}

/**
 * Minified and gzip (level 9) bytes of one module bundled with everything it imports statically;
 * what it imports lazily (its own chunks) is measured apart (`lazyGzipBytes`), or, with
 * `lazy: true`, counted in.
 */
async function bundleSize(name, source, { external = EXTERNAL, lazy = false, chunk = null } = {}) {
  // Inside the project, so the entry resolves packages from its node_modules.
  const cache = join(ROOT, 'node_modules/.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(cache, 'p2p-size-'))
  const entry = join(dir, 'entry.js')
  writeFileSync(entry, source)
  try {
    const out = join(dir, 'out')
    await buildApp(entry, out, external)
    const files = readdirSync(out).filter((f) => f.endsWith('.js'))
    const read = (list) => list.map((f) => readFileSync(join(out, f))).join('\n')
    // Up front: the entry and its chunks (a module shared with a lazy chunk is split into a chunk
    // of its own that the entry imports: it is still loaded up front).
    const eager = loadedWith(out, ['entry.js'])
    // `chunk`: the lazy chunk whose file name matches, with the chunks it imports statically that
    // are not loaded up front already (what loading it adds).
    const lazyChunk = () => [
      ...loadedWith(
        out,
        files.filter((f) => chunk.test(f)),
        eager,
      ),
    ]
    const code = read(chunk ? lazyChunk() : lazy ? files : [...eager])
    if (code === '') throw new Error(`${name}: no chunk matches ${chunk}`)
    const chunks = read(files.filter((f) => !eager.has(f)))
    return {
      name,
      minBytes: Buffer.byteLength(code),
      gzipBytes: gzipSync(code, { level: 9 }).length,
      lazyGzipBytes: lazy || chunk || chunks === '' ? 0 : gzipSync(chunks, { level: 9 }).length,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

function fileSize(name, path) {
  const code = readFileSync(join(ROOT, path))
  return { name, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length }
}

const src = (path) => JSON.stringify(join(ROOT, path))

/**
 * Builds the package as npm publishes it (vite.lib.config.ts, no maps) into a folder of its own,
 * laid out as in an app's node_modules: its package.json (with `sideEffects`) beside `dist/`.
 */
async function buildPackage() {
  const cache = join(ROOT, 'node_modules/.cache')
  mkdirSync(cache, { recursive: true })
  const dir = mkdtempSync(join(cache, 'p2p-size-package-'))
  copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'))
  await build({
    configFile: join(ROOT, 'vite.lib.config.ts'),
    root: ROOT,
    logLevel: 'silent',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, sourcemap: false },
  })
  return dir
}

/** The kit's entry (every hook and component), what `<VideoCall />` alone pulls in, and the others. */
export async function measureSizes() {
  const dir = await buildPackage()
  try {
    return await measureAll(JSON.stringify(join(dir, 'dist/index.js')))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function measureAll(kit) {
  return [
    // The QR library stays out of the kit's bundle: it is imported lazily, by the app's bundler.
    await bundleSize('react-p2p-call (whole entry)', `export * from ${kit}`, {
      external: [...EXTERNAL, 'qrcode-generator', 'qr-scanner'],
    }),
    await bundleSize(
      'react-p2p-call (an app using <VideoCall />)',
      `export { VideoCall } from ${kit}`,
      { external: [...EXTERNAL, 'qrcode-generator', 'qr-scanner'] },
    ),
    await bundleSize(
      'react-p2p-call (an app using only the hooks)',
      `export { usePeerConnection, useLocalMedia, useConnectionState } from ${kit}`,
      { external: [...EXTERNAL, 'qrcode-generator', 'qr-scanner'] },
    ),
    // What a call loads when it is first asked for (or prepared): the session's call engine.
    await bundleSize(
      'the call engine (lazy chunk, at the first call or prepare)',
      `export { usePeerConnection, useLocalMedia, useConnectionState } from ${kit}`,
      { external: [...EXTERNAL, 'qrcode-generator', 'qr-scanner'], chunk: /^callEngine/ },
    ),
    await bundleSize(
      'react-p2p-call core (createPeerSession + codec)',
      `export { createPeerSession, createLocalMedia, decodeSignal } from ${kit}`,
      { external: [...EXTERNAL, 'qrcode-generator', 'qr-scanner'] },
    ),
    // Languages other than English are entries of their own.
    await bundleSize(
      'react-p2p-call/locales/zh-CN',
      `export { MESSAGES_ZH_CN } from ${src('src/locales/zh-CN.ts')}`,
    ),
    // What an app pays for MQTT broker signaling: the entry's own code beside the kit, and mqtt.js.
    await bundleSize(
      'react-p2p-call/mqtt (its own code)',
      `export { createMqttSignaling } from ${src('src/mqtt.ts')}`,
      {
        external: [
          ...EXTERNAL,
          'mqtt',
          /\/core\/(errors|store|signalCodec|signalMessage|signalingChannel|recovery|crc32)\.ts$/,
        ],
      },
    ),
    await bundleSize(
      'mqtt.js (lazy chunk with react-p2p-call/mqtt)',
      `export { default } from 'mqtt'`,
      { lazy: true },
    ),
    // The SDP templates and their codec: a chunk the kit loads when it first writes or reads a
    // compact signal.
    await bundleSize(
      'template signal codec (lazy chunk)',
      `export * from ${src('src/core/template/templateCodec.ts')}`,
      { lazy: true },
    ),
    // The deflate signal (p2p1: its dictionary and the deflate steps), loaded with the templates.
    await bundleSize(
      'deflate signal codec (lazy chunk)',
      `export * from ${src('src/core/deflateSignal.ts')}`,
      { lazy: true },
    ),
    await bundleSize(
      'qr-scanner with its worker (lazy chunk, when Scan QR code starts)',
      `export { default } from 'qr-scanner'`,
      {
        lazy: true,
      },
    ),
    await bundleSize(
      'qrcode-generator (lazy chunk)',
      `export { default } from 'qrcode-generator'`,
      {
        lazy: true,
      },
    ),
    await bundleSize('peerjs', `export { Peer } from 'peerjs'`),
    // simple-peer needs Node's buffer/stream/events polyfills, which Vite does not add: its own
    // browserify bundle (minified) is what a browser app loads.
    fileSize('simple-peer (its simplepeer.min.js)', 'node_modules/simple-peer/simplepeer.min.js'),
  ]
}
