#!/usr/bin/env node
// npm's `prepare`: runs after `npm install` in a clone, and when the package is installed from git
// (npm clones it, installs its dev dependencies, runs this, then packs it). A git install needs
// `dist/`, which is not committed, so this builds the library. In the repo itself the build is only
// needed once: it is skipped while dist/ is newer than every source file (`npm run build:lib`
// always builds).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const built = join(root, 'dist/index.js')

function newestIn(dir) {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs)
  }
  return newest
}

if (existsSync(built) && statSync(built).mtimeMs >= newestIn(join(root, 'src'))) process.exit(0)
const run = spawnSync('npm', ['run', '--silent', 'build:lib'], {
  cwd: root,
  stdio: 'inherit',
  shell: process.platform === 'win32', // npm is npm.cmd there
})
process.exit(run.status ?? 1)
