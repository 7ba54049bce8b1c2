export {
  DEFAULT_RETRY,
  type RetryPolicy,
  retryDelayMs,
  WebhookSender,
  type WebhookSenderOptions,
} from "./sender.js";
export {
  generateWebhookSecret,
  signWebhook,
  type VerifyOptions,
  verifyWebhook,
  type WebhookHeaders,
  WebhookVerificationError,
} from "./signature.js";
