import { useEffect, useSyncExternalStore, type ComponentType, type ReactNode } from 'react'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { createP2PError } from '../core/errors.js'
import type { LayoutContext } from './layoutContext.js'
import {
  callViewsState,
  loadCallViews,
  subscribeCallViews,
  type CallViews,
} from './loadCallViews.js'

/** What a view shows instead of itself: while its chunk loads, and when it could not load. */
export interface DeferredFallbacks<P> {
  /** While loading: a placeholder of the view's size (nothing moves when it arrives). */
  loading: (props: P) => ReactNode
  /** Around the alert when the chunk could not load (its place in the layout). */
  failed: (props: P, alert: ReactNode) => ReactNode
}

const retry = () => void loadCallViews().catch(() => {})

/**
 * A view of the call-views chunk as a component: rendered at once when the chunk is there (on the
 * server after `preloadVideoCall()` too), else `loading` in its place until it is. No Suspense:
 * React would hold the view for up to 300 ms after its fallback showed. A chunk that cannot load
 * shows `ERR_CALL_MODULE` with **Try again**, which loads it again for every view.
 */
export function deferredView<P extends Pick<LayoutContext, 'labels' | 'errorText'>>(
  pick: (views: CallViews) => ComponentType<P>,
  fallbacks: DeferredFallbacks<P>,
): ComponentType<P> {
  // One component per chunk: the same views always give the same view, so it never remounts.
  let pickedFrom: CallViews | undefined
  let View: ComponentType<P> | undefined
  const viewOf = (views: CallViews) => {
    if (views !== pickedFrom) {
      pickedFrom = views
      View = pick(views)
    }
    return View as ComponentType<P>
  }
  function Deferred(props: P) {
    const { views, failed } = useSyncExternalStore(
      subscribeCallViews,
      callViewsState,
      callViewsState,
    )
    // The chunk is asked for when the kit's module runs; this asks again if it was forgotten.
    const missing = !views && !failed
    useEffect(() => {
      if (missing) retry()
    }, [missing])
    if (views) {
      const Loaded = viewOf(views)
      return <Loaded {...props} />
    }
    if (!failed) return fallbacks.loading(props)
    return fallbacks.failed(
      props,
      <ErrorAlert error={createP2PError('ERR_CALL_MODULE')} errorText={props.errorText}>
        <button type="button" className="rpc-button" onClick={retry}>
          {props.labels.tryAgain}
        </button>
      </ErrorAlert>,
    )
  }
  return Deferred
}
