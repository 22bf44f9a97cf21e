import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const ROOT = new URL('../../', import.meta.url).pathname

/** The code block that follows `heading` in the README. */
function blockAfter(readme: string, heading: string): string {
  const start = readme.indexOf(heading)
  expect(start, `the README has no "${heading}"`).toBeGreaterThanOrEqual(0)
  const block = /```tsx\n([\s\S]*?)```/.exec(readme.slice(start))?.[1]
  if (block === undefined) throw new Error(`no tsx block after "${heading}" in the README`)
  return block
}

describe("the README's code", () => {
  // The README says "This is demo/examples/ComposedCall.tsx", and a browser test makes a call with
  // that file: the block people copy must be the code that is tested (it once passed `state.phase`
  // to callActions, which takes the snapshot).
  it('shows demo/examples/ComposedCall.tsx as it is, imported from the package', () => {
    const readme = readFileSync(`${ROOT}README.md`, 'utf8')
    const example = readFileSync(`${ROOT}demo/examples/ComposedCall.tsx`, 'utf8')
      .replace("from '../../src'", "from 'react-p2p-call'")
      // Its doc comment says what the file is, which the README's sentence above it says.
      .replace(/^\/\*\*.*\*\/\n/m, '')
    expect(blockAfter(readme, '### Your own layout from the hooks')).toBe(example)
  })
})
