import { useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import { IconButton } from './IconButton.js'

/** Props of {@link DeviceMenu}. */
export interface DeviceMenuProps extends ComponentPropsWithoutRef<'span'> {
  /** The toggle's name and the panel's, e.g. "Microphone settings". */
  label: string
}

/**
 * A small menu beside a control-bar button, holding its device pickers (LiveKit's mic and camera
 * buttons carry theirs the same way): a chevron button with `aria-expanded` that opens a panel
 * (a group with the same name). Escape or a click outside closes it and gives focus back.
 *
 * @example
 * <DeviceMenu label="Microphone settings">
 *   <DevicePickers kinds={['microphone', 'speaker']} … />
 * </DeviceMenu>
 */
export function DeviceMenu({ label, children, className, ...rest }: DeviceMenuProps) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLSpanElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      toggle.current?.focus()
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [open])

  return (
    <span
      ref={root}
      className={className ? `rpc-menu ${className}` : 'rpc-menu'}
      data-state={open ? 'open' : 'closed'}
      {...rest}
    >
      <IconButton
        ref={toggle}
        icon="chevron"
        label={label}
        className="rpc-menu__toggle"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((shown) => !shown)}
      />
      <div id={id} role="group" aria-label={label} className="rpc-menu__panel" hidden={!open}>
        {open && children}
      </div>
    </span>
  )
}
