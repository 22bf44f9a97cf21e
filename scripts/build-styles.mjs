#!/usr/bin/env node
// The package's one stylesheet, dist/styles.css: src/styles.css with each of its `@import`s of a
// part (src/styles/*.css) replaced by that part, in order. `npm run build:lib` runs it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

const ROOT = new URL('..', import.meta.url).pathname
const index = join(ROOT, 'src/styles.css')
const IMPORT = /^@import '(\.\/styles\/[\w-]+\.css)';$/gm

const css = readFileSync(index, 'utf8').replace(IMPORT, (_, path) =>
  readFileSync(join(dirname(index), path), 'utf8').trimEnd(),
)
if (css.includes('@import')) {
  throw new Error('src/styles.css: an @import this script does not inline; write it as the others')
}
mkdirSync(join(ROOT, 'dist'), { recursive: true })
writeFileSync(join(ROOT, 'dist/styles.css'), css)
