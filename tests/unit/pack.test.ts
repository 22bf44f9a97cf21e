import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = join(dirname(new URL(import.meta.url).pathname), '../..')
const work = mkdtempSync(join(tmpdir(), 'rpc-pack-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

const run = (cmd: string, args: string[], cwd: string) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

describe('given a checkout with no dist/ (a fresh clone)', () => {
  it('npm pack builds the library itself, and the tarball imports and renders in Node', () => {
    // The files a clone has (tracked and new, not ignored): no dist/, as on a fresh clone.
    const clone = join(work, 'clone')
    const files = run('git', ['ls-files', '-co', '--exclude-standard', '-z'], root)
      .split('\0')
      .filter(Boolean)
    for (const file of files) {
      mkdirSync(dirname(join(clone, file)), { recursive: true })
      cpSync(join(root, file), join(clone, file))
    }
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'))

    const tarball = run('npm', ['pack', '--silent', '--pack-destination', work], clone)
      .trim()
      .split('\n')
      .at(-1) as string
    const listing = run('tar', ['tzf', join(work, tarball)], work)
    expect(listing).toContain('package/dist/index.js')
    expect(listing).toContain('package/dist/types/index.d.ts')
    expect(listing).toContain('package/dist/styles.css')
    expect(listing).not.toContain('package/src/')

    // Installed as npm would (the tarball unpacked in node_modules), beside the app's React.
    const app = join(work, 'app')
    const modules = join(app, 'node_modules')
    mkdirSync(join(modules, 'react-p2p-call'), { recursive: true })
    run(
      'tar',
      ['xzf', join(work, tarball), '-C', join(modules, 'react-p2p-call'), '--strip-components=1'],
      work,
    )
    for (const dep of ['react', 'react-dom', 'scheduler', 'qrcode-generator']) {
      symlinkSync(join(root, 'node_modules', dep), join(modules, dep))
    }
    // engines says >=20.19: CI names the oldest supported Node in P2P_FLOOR_NODE to try it too.
    const nodes = [
      process.execPath,
      ...(process.env.P2P_FLOOR_NODE ? [process.env.P2P_FLOOR_NODE] : []),
    ]
    for (const node of nodes) {
      const html = run(
        node,
        [
          '--input-type=module',
          '-e',
          [
            "import { createElement } from 'react'",
            "import { renderToString } from 'react-dom/server'",
            "import { VideoCall, createPeerSession } from 'react-p2p-call'",
            "if (typeof createPeerSession !== 'function') throw new Error('no createPeerSession')",
            'console.log(renderToString(createElement(VideoCall)))',
          ].join('\n'),
        ],
        app,
      )
      expect(html, node).toContain('aria-label="Video call"')
    }
  }, 120_000)
})
