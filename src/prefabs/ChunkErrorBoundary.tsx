import { Component, type ReactNode } from 'react'

/** Props of {@link ChunkErrorBoundary}. */
export interface ChunkErrorBoundaryProps {
  children: ReactNode
  /** Shown in place of the children when they failed to load or render. */
  fallback: ReactNode
  /** Called once with the error (e.g. to prepare a fresh lazy import for the next mount). */
  onError?: (error: unknown) => void
  /** A failed boundary renders its children again when this changes (Try again). */
  resetKey?: number
}

interface ChunkErrorBoundaryState {
  failed: boolean
  resetKey: number | undefined
}

/**
 * Keeps a lazily loaded part (a chunk that may fail to load: offline, or replaced by a deploy) from
 * taking the whole call down with it: its failure shows `fallback` there, and the rest goes on.
 * It resets when it unmounts (e.g. Details closed and opened again) or its `resetKey` changes.
 */
export class ChunkErrorBoundary extends Component<
  ChunkErrorBoundaryProps,
  ChunkErrorBoundaryState
> {
  override state: ChunkErrorBoundaryState = { failed: false, resetKey: this.props.resetKey }

  static getDerivedStateFromError(): Partial<ChunkErrorBoundaryState> {
    return { failed: true }
  }

  static getDerivedStateFromProps(
    props: ChunkErrorBoundaryProps,
    state: ChunkErrorBoundaryState,
  ): Partial<ChunkErrorBoundaryState> | null {
    return props.resetKey === state.resetKey ? null : { failed: false, resetKey: props.resetKey }
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError?.(error)
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
