import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { runDeferred } from '../helpers'

// After every browser test: unmount what it rendered, then undo what it patched (in reverse).
afterEach(() => {
  cleanup()
  runDeferred()
})
