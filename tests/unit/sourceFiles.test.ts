import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = new URL('../../src/', import.meta.url).pathname
// One owner per file: past this, a file holds more than one concern (the stylesheet included).
const MAX_LINES = 400

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return /\.(ts|tsx|css)$/.test(entry.name) ? [path] : []
  })
}

describe('the sources', () => {
  it(`keep every file under src at ${MAX_LINES} lines or fewer`, () => {
    const files = sources(SRC)
    expect(files.length).toBeGreaterThan(50)
    const long = files
      .map((path) => [relative(SRC, path), readFileSync(path, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > MAX_LINES)
    expect(long).toEqual([])
  })
})
