import { useId, type ComponentPropsWithoutRef } from 'react'
import { useControllableState } from './useControllableState.js'

/** Props of {@link RemoteSignalInput}: controlled (`value`) or uncontrolled (`defaultValue`). */
export interface RemoteSignalInputProps extends Omit<
  ComponentPropsWithoutRef<'textarea'>,
  'value' | 'defaultValue' | 'onChange'
> {
  value?: string
  defaultValue?: string
  onValueChange?: (value: string) => void
  labels?: { remoteSignal?: string; placeholder?: string }
}

/**
 * The "Remote signal" textbox, where the other person's signal is pasted. It never interprets the
 * text itself: decoding (and every error) happens when an action uses it.
 *
 * @example
 * const [remote, setRemote] = useState('')
 * return <RemoteSignalInput value={remote} onValueChange={setRemote} />
 */
export function RemoteSignalInput({
  value,
  defaultValue = '',
  onValueChange,
  labels = {},
  className,
  ...rest
}: RemoteSignalInputProps) {
  const id = useId()
  const [text, setText] = useControllableState({ value, defaultValue, onChange: onValueChange })
  return (
    <div className={['rpc-signal rpc-signal--remote', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{labels.remoteSignal ?? 'Remote signal'}</label>
      <textarea
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder={labels.placeholder}
        rows={6}
        spellCheck={false}
        autoComplete="off"
        {...rest}
      />
    </div>
  )
}
