import type { ComponentPropsWithoutRef, ReactNode } from 'react'
import type { ErrorText, P2PError } from '../core/errors.js'

/** Props of {@link ErrorAlert}. */
export interface ErrorAlertProps extends ComponentPropsWithoutRef<'div'> {
  error: P2PError | null
  /** Per-code overrides of the message and hint (e.g. a translation). */
  errorText?: Partial<ErrorText>
  onDismiss?: () => void
  /** Actions beside Dismiss, e.g. a **Try again** button. */
  children?: ReactNode
  labels?: { dismiss?: string; browserReason?: string }
}

/**
 * An error and what to do about it, in `role="alert"`. Renders nothing without an error. Text is
 * rendered as text, never as HTML.
 *
 * @example
 * const error = useSessionSelector((s) => s.error)
 * return <ErrorAlert error={error} onDismiss={() => session?.clearError()} />
 */
export function ErrorAlert({
  error,
  errorText,
  onDismiss,
  labels = {},
  children,
  ...rest
}: ErrorAlertProps) {
  if (!error) return null
  const text = errorText?.[error.code] ?? error
  return (
    <div role="alert" className="rpc-error" data-code={error.code} {...rest}>
      <p className="rpc-error__message">{text.message}</p>
      <p className="rpc-error__hint">{text.hint}</p>
      {error.detail && (
        <p className="rpc-error__detail">
          {labels.browserReason ?? "The browser's reason:"} <code>{error.detail}</code>
        </p>
      )}
      {children}
      {onDismiss && (
        <button type="button" onClick={onDismiss}>
          {labels.dismiss ?? 'Dismiss'}
        </button>
      )}
    </div>
  )
}
