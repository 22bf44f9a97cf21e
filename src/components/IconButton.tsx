import { forwardRef, type ComponentPropsWithoutRef } from 'react'
import { Icon, type IconName } from './Icon.js'

/** Props of {@link IconButton}. */
export interface IconButtonProps extends ComponentPropsWithoutRef<'button'> {
  icon: IconName
  /** The accessible name (a screen reader's, a test's) and, unless `tooltip` says otherwise, the tooltip. */
  label: string
  /** The visible tooltip on hover and keyboard focus (e.g. with the shortcut). Default: `label`. */
  tooltip?: string
  /** `danger` for Hang up, `primary` for the action of the moment. */
  variant?: 'default' | 'primary' | 'danger'
}

/**
 * A round icon button of the control bar: the icon is decorative, `label` is the button's name,
 * and a tooltip shows it on hover and on keyboard focus. At least 48×48 px (touch targets).
 *
 * @example
 * <IconButton icon="hangUp" label="Hang up" variant="danger" onClick={hangUp} />
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, label, tooltip, variant = 'default', className, ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      data-tooltip={tooltip ?? label}
      data-variant={variant}
      className={className ? `rpc-icon-button ${className}` : 'rpc-icon-button'}
      {...rest}
    >
      <Icon name={icon} />
    </button>
  )
})
