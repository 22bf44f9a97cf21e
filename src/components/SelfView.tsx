import { useRef, type ComponentPropsWithoutRef, type PointerEvent } from 'react'
import { IconButton } from './IconButton.js'
import { useControllableState } from './useControllableState.js'

/** Where {@link SelfView} sits in the call area. */
export type SelfViewCorner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'

/** Props of {@link SelfView}. */
export interface SelfViewProps extends ComponentPropsWithoutRef<'div'> {
  corner?: SelfViewCorner
  defaultCorner?: SelfViewCorner
  onCornerChange?: (corner: SelfViewCorner) => void
  labels?: { moveSelfView?: string }
}

const NEXT: Record<SelfViewCorner, SelfViewCorner> = {
  'bottom-right': 'bottom-left',
  'bottom-left': 'top-left',
  'top-left': 'top-right',
  'top-right': 'bottom-right',
}

/**
 * Your own picture as a small picture-in-picture over the call (FaceTime, Meet): in a corner of its
 * positioned parent, dragged to another corner (it snaps to the nearest), or moved by its button
 * **Move self view** (keyboard and screen readers).
 *
 * @example
 * <SelfView defaultCorner="bottom-right"><LocalVideo stream={stream} /></SelfView>
 */
export function SelfView({
  corner,
  defaultCorner = 'bottom-right',
  onCornerChange,
  labels = {},
  className,
  children,
  ...rest
}: SelfViewProps) {
  const [at, setAt] = useControllableState({
    value: corner,
    defaultValue: defaultCorner,
    onChange: onCornerChange,
  })
  const drag = useRef<{ x: number; y: number; id: number } | null>(null)

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if ((event.target as Element).closest('button') || event.button !== 0) return
    drag.current = { x: event.clientX, y: event.clientY, id: event.pointerId }
    event.currentTarget.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current
    if (!start || start.id !== event.pointerId) return
    event.currentTarget.style.translate = `${event.clientX - start.x}px ${event.clientY - start.y}px`
  }
  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current
    if (!start || start.id !== event.pointerId) return
    drag.current = null
    const tile = event.currentTarget
    tile.style.translate = ''
    const area = tile.offsetParent?.getBoundingClientRect()
    const moved = Math.hypot(event.clientX - start.x, event.clientY - start.y)
    if (!area || moved < 8) return
    // Where the tile was let go: its centre, against the middle of the call area.
    const box = tile.getBoundingClientRect()
    const x = box.left + box.width / 2 + (event.clientX - start.x) < area.left + area.width / 2
    const y = box.top + box.height / 2 + (event.clientY - start.y) < area.top + area.height / 2
    setAt(`${y ? 'top' : 'bottom'}-${x ? 'left' : 'right'}`)
  }

  return (
    <div
      className={className ? `rpc-self-view ${className}` : 'rpc-self-view'}
      data-corner={at}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      {...rest}
    >
      {children}
      <IconButton
        icon="move"
        label={labels.moveSelfView ?? 'Move self view'}
        className="rpc-self-view__move"
        onClick={() => setAt(NEXT[at])}
      />
    </div>
  )
}
