import { ERROR_TEXT, type ErrorText } from '../core/errors.js'
import { DEFAULT_LABELS, type CallLabels } from '../components/labels.js'

// The kit's texts: the English default here (labels and error text), other languages in entries
// of their own (`react-p2p-call/locales/zh-CN`), so an app carries only the ones it imports.

/** All user-facing text: the labels and every error's message and hint. */
export interface CallMessages {
  labels: CallLabels
  errors: ErrorText
}

/** What a user passes: a subset of the texts, per key. */
export interface CallMessagesOverride {
  labels?: Partial<CallLabels>
  errors?: Partial<ErrorText>
}

/**
 * English, the default.
 *
 * @example
 * <VideoCall messages={{ labels: { hangUp: 'End call' } }} />
 */
export const MESSAGES_EN: CallMessages = { labels: DEFAULT_LABELS, errors: ERROR_TEXT }

/**
 * Merges a bundle with per-key overrides (labels and errors separately).
 *
 * @example
 * const messages = mergeMessages(MESSAGES_EN, { labels: { hangUp: 'End call' } })
 */
export function mergeMessages(
  base: CallMessages,
  override: CallMessagesOverride = {},
): CallMessages {
  return {
    labels: { ...base.labels, ...override.labels },
    errors: { ...base.errors, ...override.errors },
  }
}
