/** What the account screen says for each refusal; the server's own message otherwise. */
const MESSAGES: Record<string, string> = {
  email_taken: 'That email already has an account: log in instead.',
  invalid_credentials: 'Wrong email or password.',
  rate_limited: 'Too many attempts. Wait a minute and try again.',
  network: 'No connection to the server. Try again when online.',
  unauthorized: 'You were signed out on the server. Log in again.',
};

export function accountErrorMessage(error: { code: string; message: string }): string {
  return MESSAGES[error.code] ?? error.message;
}
