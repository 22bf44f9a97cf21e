import { useId, type ComponentPropsWithoutRef } from 'react'
import type { SignalFormat } from '../core/signalCodec.js'

/** Props of {@link SignalFormatPicker}. */
export interface SignalFormatPickerProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onChange'> {
  value: SignalFormat
  onValueChange: (format: SignalFormat) => void
  disabled?: boolean
  labels?: { signalFormat?: string; compact?: string; json?: string; description?: string }
}

/**
 * A select named **Signal format**: **Compact** (short enough for a chat message, a link or a QR
 * code), **JSON** (the tutorial's `{sdp, candidates}`, what its lab page reads) or **Description
 * only** (the bare `{type, sdp}` that other tools such as aiortc and the webrtc samples read).
 * Pastes of every format are always accepted.
 *
 * @example
 * const format = useSessionSelector((s) => s.signalFormat)
 * <SignalFormatPicker value={format} onValueChange={(f) => void session.setSignalFormat(f)} />
 */
export function SignalFormatPicker({
  value,
  onValueChange,
  disabled,
  labels = {},
  ...rest
}: SignalFormatPickerProps) {
  const id = useId()
  return (
    <div className="rpc-format" data-state={value} {...rest}>
      <label htmlFor={id}>{labels.signalFormat ?? 'Signal format'}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onValueChange(event.target.value as SignalFormat)}
      >
        <option value="compact">{labels.compact ?? 'Compact'}</option>
        <option value="json">{labels.json ?? 'JSON'}</option>
        <option value="description">{labels.description ?? 'Description only (other apps)'}</option>
      </select>
    </div>
  )
}
