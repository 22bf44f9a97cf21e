import { useId, useRef, useState, type ComponentPropsWithoutRef, type ReactNode } from 'react'
import { copyText } from './copyText.js'

const COPY_REFUSED = {
  message: 'The browser did not let this page copy.',
  hint: 'Select the signal and copy it with Ctrl+C (or ⌘C).',
}

/** Props of {@link LocalSignalBox}. */
export interface LocalSignalBoxProps extends Omit<ComponentPropsWithoutRef<'div'>, 'onCopy'> {
  /** The signal to send to the other person (`''` while there is none). */
  value: string
  /**
   * A link that carries the signal (see `signalLink`): adds a **Copy link** button. Give it for
   * offers; the page it opens fills in Remote signal as the callee.
   */
  link?: string
  /** The textarea's height in lines. Default 6. */
  rows?: number
  /** More buttons in the row of Copy and Copy link (e.g. Show QR code). */
  actions?: ReactNode
  /** Called after each copy attempt with whether the clipboard took the text. */
  onCopy?: (copied: boolean) => void
  labels?: {
    localSignal?: string
    placeholder?: string
    copy?: string
    copied?: string
    copyLink?: string
    linkCopied?: string
  }
  /**
   * The text shown when the clipboard refuses the copy (`<VideoCall>` passes its `ERR_COPY` text).
   * Default: a short English one.
   */
  copyError?: { message: string; hint: string }
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
  link,
  rows = 6,
  actions,
  onCopy,
  labels = {},
  copyError,
  ...rest
}: LocalSignalBoxProps) {
  const id = useId()
  const textarea = useRef<HTMLTextAreaElement>(null)
  const [copy, setCopy] = useState<'idle' | 'copied' | 'link-copied' | 'failed'>('idle')
  const error = copyError ?? COPY_REFUSED

  return (
    <div className="rpc-signal rpc-signal--local" data-state={value ? 'ready' : 'empty'} {...rest}>
      <label htmlFor={id}>{labels.localSignal ?? 'Local signal'}</label>
      <textarea
        id={id}
        ref={textarea}
        readOnly
        value={value}
        placeholder={labels.placeholder}
        rows={rows}
        spellCheck={false}
        onFocus={(event) => event.currentTarget.select()}
      />
      <div className="rpc-signal__actions">
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
        {link && value && (
          <button
            type="button"
            onClick={async () => {
              const ok = await copyText(link, null)
              setCopy(ok ? 'link-copied' : 'failed')
              onCopy?.(ok)
            }}
          >
            {labels.copyLink ?? 'Copy link'}
          </button>
        )}
        {actions}
      </div>
      <span aria-live="polite" className="rpc-signal__copied">
        {copy === 'copied'
          ? (labels.copied ?? 'Copied to the clipboard')
          : copy === 'link-copied'
            ? (labels.linkCopied ?? 'Link copied: send it to the other person')
            : ''}
      </span>
      {copy === 'failed' && (
        <p role="alert" className="rpc-error">
          {error.message} {error.hint}
        </p>
      )}
    </div>
  )
}
