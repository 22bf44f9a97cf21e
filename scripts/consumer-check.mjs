/* global document, getComputedStyle -- the waitForFunction callbacks run in the page */
// Packs the kit as npm would publish it, installs the tarball into a fresh Vite + React app in a
// temporary folder, builds that app, and makes an offer with it in Chromium. Run by CI:
// `npm run check:consumer` (after `npm run build:lib`).
import { execFileSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright'
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs'

const root = new URL('..', import.meta.url).pathname
const own = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, stdio: 'inherit' })

// Two steps. Here, on the machine's network: pack the kit and install the tarball with React and
// Vite into a fresh app (npm resolves their versions from the registry; a fresh machine's npm cache
// holds only the tarballs `npm ci` fetched, not the registry's metadata, so `--offline` fails
// there). Then, inside the tests' network namespace (no network), build it and run it in Chromium.
const inside = process.argv.indexOf('--built-in')
if (inside < 0) {
  const dir = await mkdtemp(join(tmpdir(), 'react-p2p-call-consumer-'))
  try {
    const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], {
      cwd: root,
    })
      .toString()
      .trim()
      .split('\n')
      .pop()
    const dev = own.devDependencies
    await writeFile(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: {
          react: dev.react,
          'react-dom': dev['react-dom'],
          'react-p2p-call': `file:./${tarball}`,
        },
        devDependencies: { vite: dev.vite, '@vitejs/plugin-react': dev['@vitejs/plugin-react'] },
      }),
    )
    await writeFile(
      join(dir, 'vite.config.js'),
      "import react from '@vitejs/plugin-react'\nexport default { plugins: [react()] }\n",
    )
    await writeFile(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><body><div id="root"></div><script type="module" src="/main.jsx"></script></body></html>\n',
    )
    await writeFile(
      join(dir, 'main.jsx'),
      [
        "import { createRoot } from 'react-dom/client'",
        "import { VideoCall } from 'react-p2p-call'",
        "import 'react-p2p-call/styles.css'",
        "createRoot(document.getElementById('root')).render(<VideoCall iceServers={[]} />)",
        '',
      ].join('\n'),
    )
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], dir)
    run(
      'node',
      [
        'scripts/test.mjs',
        '--exec',
        'node',
        'scripts/consumer-check.mjs',
        '--built-in',
        dir,
        tarball,
      ],
      root,
    )
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  process.exit(0)
}

const [dir, tarball] = process.argv.slice(inside + 1)
{
  run(join(dir, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], dir)

  const { preview } = await import(join(dir, 'node_modules/vite/dist/node/index.js'))
  const server = await preview({ root: dir, preview: { port: 0 }, logLevel: 'warn' })
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
  try {
    const page = await browser.newPage()
    const errors = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(server.resolvedUrls.local[0])
    await page.getByRole('button', { name: 'Create offer' }).click()
    await page.waitForFunction(
      () => document.querySelector('textarea[readonly]')?.value.startsWith('p2p2.offer.'),
      null,
      { timeout: 20_000 },
    )
    // The QR library is a lazily imported dependency: the app's own build must have split it out.
    await page.getByRole('button', { name: 'Show QR code' }).click()
    await page.locator('svg[aria-label="Signal QR code"][aria-busy="false"]').waitFor()
    const styled = await page.evaluate(
      () => getComputedStyle(document.querySelector('.rpc-call')).display === 'grid',
    )
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`)
    if (!styled) throw new Error('react-p2p-call/styles.css did not apply')
    console.log(
      `[consumer] ${tarball}: installed, built with Vite, made an offer in Chromium, showed its QR code, styled`,
    )
  } finally {
    await browser.close()
    await server.close()
  }
}
