import { lazy, Suspense, useState, type ComponentType, type ReactNode } from 'react'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { createP2PError } from '../core/errors.js'
import { ChunkErrorBoundary } from './ChunkErrorBoundary.js'
import type { LayoutContext } from './layoutContext.js'
import {
  callViewsAttempt,
  loadCallViews,
  loadedCallViews,
  retryCallViews,
  type CallViews,
} from './loadCallViews.js'

type Loaded<P> = { default: ComponentType<P> }

/** What a view shows instead of itself: while its chunk loads, and when it could not load. */
export interface DeferredFallbacks<P> {
  /** While loading: a placeholder of the view's size (nothing moves when it arrives). */
  loading: (props: P) => ReactNode
  /** Around the alert when the chunk could not load (its place in the layout). */
  failed: (props: P, alert: ReactNode) => ReactNode
}

/**
 * A view of the call-views chunk as a component: rendered at once when the chunk is there (a
 * settled thenable, so React.lazy does not suspend, on the server after `preloadVideoCall()`
 * too), else suspended with `loading` until it is. A chunk that cannot load shows
 * `ERR_CALL_MODULE` with **Try again**, which loads it again for every view that could not load.
 */
export function deferredView<P extends Pick<LayoutContext, 'labels' | 'errorText'>>(
  pick: (views: CallViews) => ComponentType<P>,
  fallbacks: DeferredFallbacks<P>,
): ComponentType<P> {
  // React.lazy keeps a rejection: a view whose load failed gets a fresh one at Try again (one that
  // loaded keeps its own, so nothing that shows is mounted again).
  let failed = false
  const make = () =>
    lazy((): Promise<Loaded<P>> => {
      const views = loadedCallViews()
      if (!views) {
        return loadCallViews().then(
          (loaded) => ({ default: pick(loaded) }),
          (error: unknown) => {
            failed = true
            throw error
          },
        )
      }
      const settled: PromiseLike<Loaded<P>> = {
        then: (resolve) => (resolve ? resolve({ default: pick(views) }) : undefined) as never,
      }
      return settled as Promise<Loaded<P>>
    })
  let View = make()
  // The lazy's generation: a failed view's next render after Try again gets a fresh one, and its
  // boundary (keyed by it) starts over; a view that loaded keeps its own, and nothing remounts.
  let generation = 0
  let madeFor = 0
  const viewFor = (attempt: number) => {
    if (attempt !== madeFor && failed) {
      View = make()
      failed = false
      generation++
    }
    madeFor = attempt
    return View
  }
  function Deferred(props: P) {
    // Try again renders this view; the others that failed try again at their next render.
    const [, rerender] = useState(0)
    const Loaded = viewFor(callViewsAttempt())
    const retry = () => {
      retryCallViews()
      rerender((n) => n + 1)
    }
    const alert = (
      <ErrorAlert error={createP2PError('ERR_CALL_MODULE')} errorText={props.errorText}>
        <button type="button" className="rpc-button" onClick={retry}>
          {props.labels.tryAgain}
        </button>
      </ErrorAlert>
    )
    return (
      <ChunkErrorBoundary key={generation} fallback={fallbacks.failed(props, alert)}>
        <Suspense fallback={fallbacks.loading(props)}>
          <Loaded {...props} />
        </Suspense>
      </ChunkErrorBoundary>
    )
  }
  return Deferred
}
