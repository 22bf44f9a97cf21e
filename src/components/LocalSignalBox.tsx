import { useId, useRef, useState, type ComponentPropsWithoutRef } from 'react'
import { ERROR_TEXT } from '../core/errors.js'

/** Props of {@link LocalSignalBox}. */
export interface LocalSignalBoxProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onCopy'> {
  /** The signal to send to the other person (`''` while there is none). */
  value: string
  /** Called after each copy attempt with whether the clipboard took the text. */
  onCopy?: (copied: boolean) => void
  labels?: { localSignal?: string; placeholder?: string; copy?: string; copied?: string }
  /** The text shown when the clipboard refuses the copy. */
  copyError?: { message: string; hint: string }
}

async function copyText(text: string, textarea: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    // Without clipboard permission (or over plain http), fall back to a selection copy.
    if (!textarea) return false
    textarea.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    }
  }
}

/**
 * The read-only "Local signal" textbox with a **Copy** button; the copy is announced politely.
 *
 * @example
 * const localSignal = useSessionSelector((s) => s.localSignal)
 * return <LocalSignalBox value={localSignal} />
 */
export function LocalSignalBox({
  value,
  onCopy,
  labels = {},
  copyError,
  ...rest
}: LocalSignalBoxProps) {
  const id = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle')
  const error = copyError ?? ERROR_TEXT.ERR_COPY

  return (
    <div className="rpc-signal rpc-signal--local" data-state={value ? 'ready' : 'empty'} {...rest}>
      <label htmlFor={id}>{labels.localSignal ?? 'Local signal'}</label>
      <textarea
        id={id}
        ref={textarea}
        readOnly
        value={value}
        placeholder={labels.placeholder}
        rows={6}
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
      />
      <button
        type="button"
        disabled={!value}
        onClick={async () => {
          const ok = await copyText(value, textarea.current)
          setCopy(ok ? 'copied' : 'failed')
          onCopy?.(ok)
        }}
      >
        {labels.copy ?? 'Copy'}
      </button>
      <span aria-live="polite" className="rpc-signal__copied">
        {copy === 'copied' ? (labels.copied ?? 'Copied to the clipboard') : ''}
      </span>
      {copy === 'failed' && (
        <p role="alert" className="rpc-error">
          {error.message} {error.hint}
        </p>
      )}
    </div>
  )
}
