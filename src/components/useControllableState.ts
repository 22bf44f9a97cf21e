import { useCallback, useState } from 'react'

/**
 * Controlled or uncontrolled state in one: with `value` the parent owns it, else `defaultValue`
 * seeds local state. `onChange` runs either way.
 *
 * @example
 * const [text, setText] = useControllableState({ value, defaultValue: '', onChange: onValueChange })
 */
export function useControllableState<T>(params: {
  value?: T | undefined
  defaultValue: T
  onChange?: ((value: T) => void) | undefined
}): [T, (value: T) => void] {
  const { value, defaultValue, onChange } = params
  const [local, setLocal] = useState(defaultValue)
  const controlled = value !== undefined
  const set = useCallback(
    (next: T) => {
      if (!controlled) setLocal(next)
      onChange?.(next)
    },
    [controlled, onChange],
  )
  return [controlled ? value : local, set]
}
