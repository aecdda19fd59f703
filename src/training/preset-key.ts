// The facilitator's preset key, kept in this browser: the server files every preset saved from here
// under it, and lists or deletes presets only for it. Another device takes the same key when it is typed
// in on the set-up page.
const KEY = 'meerwaarde.presetKey';
export const PRESET_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

export function presetKey(): string | null {
  try {
    const k = localStorage.getItem(KEY);
    return k && PRESET_KEY_PATTERN.test(k) ? k : null;
  } catch {
    return null;
  }
}

export function keepPresetKey(key: string): void {
  try {
    localStorage.setItem(KEY, key);
  } catch {
    // private mode: the key is shown on the page to note down
  }
}
