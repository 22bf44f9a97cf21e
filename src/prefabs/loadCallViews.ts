// The views of <VideoCall /> after its first paint (the way into a call, the call stage, the
// ended card, Details) are one chunk: the first load carries only the shell and the camera
// preview, and the chunk is asked for as soon as this module runs in a browser, so it comes while
// React renders the shell (no Suspense: React holds content that follows a fallback for 300 ms).
export type CallViews = typeof import('./callViews.js')

/** Where the views' chunk is: `views` once loaded, `failed` when the last load could not. */
export interface CallViewsState {
  views: CallViews | undefined
  failed: boolean
}

const importViews = (): Promise<CallViews> => import('./callViews.js')
let load = importViews
let state: CallViewsState = { views: undefined, failed: false }
let loading: Promise<CallViews> | undefined
const listeners = new Set<() => void>()

const set = (next: CallViewsState) => {
  state = next
  for (const listener of listeners) listener()
}

/** The views' state, for `useSyncExternalStore` (the same object until it changes). */
export function callViewsState(): CallViewsState {
  return state
}

/** Calls `listener` when the views load or fail to load. */
export function subscribeCallViews(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Loads the views once; a failed load is forgotten, so the next call tries again. */
export function loadCallViews(): Promise<CallViews> {
  if (!loading) {
    const attempt = load().then(
      (views) => {
        if (loading === attempt) set({ views, failed: false })
        return views
      },
      (error: unknown) => {
        if (loading === attempt) {
          loading = undefined
          set({ views: undefined, failed: true })
        }
        throw error
      },
    )
    loading = attempt
    if (state.failed) set({ views: undefined, failed: false })
  }
  return loading
}

/**
 * Loads the parts of `<VideoCall />` that come after its first paint: the way into a call, the
 * call stage, the ended card and Details (one chunk). In a browser they start loading as soon as
 * the kit's `<VideoCall />` module runs, while the shell and the camera preview render. On a
 * server, await this before `renderToString` (which does not wait for them), and in the browser
 * before `hydrateRoot` of that HTML, so both render the same views. Resolves once they are there;
 * rejects when the chunk cannot load (offline, or replaced by a deploy), and the next call tries
 * again.
 *
 * @example
 * await preloadVideoCall()
 * const html = renderToString(<VideoCall />)
 */
export function preloadVideoCall(): Promise<void> {
  return loadCallViews().then(() => undefined)
}

/** Tests only: what loads the views (default: the chunk), forgetting what was loaded. */
export function resetCallViews(next: () => Promise<CallViews> = importViews): void {
  load = next
  loading = undefined
  set({ views: undefined, failed: false })
}

// Ask for the chunk now: the shell renders meanwhile. Its failure shows where the views go.
if (typeof window !== 'undefined') loadCallViews().catch(() => {})
