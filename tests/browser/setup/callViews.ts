import { beforeAll } from 'vitest'
import { preloadVideoCall } from '../../../src/prefabs/loadCallViews'

// The call tests drive a call as a person does once the page is there: with the views' chunk
// loaded (lazyChunks.test.tsx covers the moment before, and a chunk that cannot load).
beforeAll(() => preloadVideoCall())
