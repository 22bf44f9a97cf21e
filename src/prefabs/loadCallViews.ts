// The views of <VideoCall /> after its first paint (the way into a call, the call stage, the
// ended card, Details) are one chunk: the first paint carries only the shell and the camera
// preview, and <VideoCall /> loads the rest as it mounts.
export type CallViews = typeof import('./callViews.js')

const importViews = (): Promise<CallViews> => import('./callViews.js')
let load = importViews
let views: CallViews | undefined
let loading: Promise<CallViews> | undefined

/** The views once loaded, else `undefined` (then {@link loadCallViews} brings them). */
export function loadedCallViews(): CallViews | undefined {
  return views
}

let attempts = 0

/** How many times **Try again** was asked for: a view that could not load tries again after it. */
export function callViewsAttempt(): number {
  return attempts
}

/** **Try again** after a failed load: every view that could not load tries once more. */
export function retryCallViews(): void {
  attempts++
}

/** Loads the views once; a failed load is forgotten, so the next call tries again. */
export function loadCallViews(): Promise<CallViews> {
  loading ??= load().then(
    (module) => (views = module),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/**
 * Loads the parts of `<VideoCall />` that come after its first paint: the way into a call, the
 * call stage, the ended card and Details (one chunk). `<VideoCall />` loads them itself as it
 * mounts, showing the camera preview meanwhile; call this to have them sooner (e.g. when a link
 * to the call page is hovered), or on a server before `renderToString`, which does not wait for
 * them (the streaming renderers do). Resolves once they are there; rejects when the chunk cannot
 * load (offline, or replaced by a deploy), and the next call tries again.
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
  views = undefined
  loading = undefined
}
