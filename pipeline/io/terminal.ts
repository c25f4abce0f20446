/**
 * Text on its way to a terminal: upstream data (an organization cell, a system name) may carry
 * escape sequences that retitle the window, clear the screen or hide text, and bidirectional
 * controls that reverse it. Every line a CLI prints goes through forTerminal, which shows each such
 * character as an escape (`\u{1b}`) instead of sending it.
 */

/** C0 controls but tab and line feed, DEL, C1 controls, and the bidirectional controls. */
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function forTerminal(text: string): string {
  return text.replace(UNSAFE, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}
