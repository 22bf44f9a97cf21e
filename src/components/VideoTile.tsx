import type { ComponentPropsWithoutRef, ReactNode } from 'react'

/** Props of {@link VideoTile}. */
export interface VideoTileProps extends ComponentPropsWithoutRef<'figure'> {
  /** The person's name under the picture (decorative: the video carries its own accessible name). */
  name?: string
  /** Shown over the picture instead of it, e.g. "Waiting for the other person…" or "Camera is off". */
  placeholder?: ReactNode
  /** Icons or badges in the tile's corner (e.g. `RemoteMediaBadges variant="icon"`). */
  badges?: ReactNode
  /** `hero`: fills the call area; `pip`: a small self view; `screen`: a shared screen. */
  variant?: 'hero' | 'pip' | 'screen' | 'preview'
}

/**
 * A video tile: the picture (its `<video>` as the child), letterboxed — never cropped — on a dark
 * surface, with an optional name, badges and a placeholder that covers it while there is nothing to
 * show.
 *
 * @example
 * <VideoTile name="Remote video" variant="hero" placeholder={waiting ? 'Waiting…' : undefined}>
 *   <RemoteVideo stream={remoteStream} />
 * </VideoTile>
 */
export function VideoTile({
  name,
  placeholder,
  badges,
  variant = 'hero',
  className,
  children,
  ...rest
}: VideoTileProps) {
  return (
    <figure
      className={className ? `rpc-tile ${className}` : 'rpc-tile'}
      data-variant={variant}
      data-placeholder={placeholder ? '' : undefined}
      {...rest}
    >
      {children}
      {placeholder && <div className="rpc-tile__placeholder">{placeholder}</div>}
      {name && (
        <figcaption className="rpc-tile__name" aria-hidden="true">
          {name}
        </figcaption>
      )}
      {badges}
    </figure>
  )
}
